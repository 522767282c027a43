"""The scripts check_html.py runs in the page: the what-if step and the hostile-page checks."""

WHAT_IF_JS = r"""
(async () => {
  const panel = document.getElementById('what-if');
  if (!panel) return {present: false};
  const out = {present: true, sliders: [], problems: [], initial: null};
  const winner = document.getElementById('what-if-winner');
  if (!winner) {
    out.problems.push('the page has #what-if but no #what-if-winner element');
    return out;
  }
  out.initial = winner.textContent.trim();
  if (!out.initial) out.problems.push('#what-if-winner is empty before any slider moved');
  const ranges = panel.querySelectorAll('input[type=range]');
  if (ranges.length === 0) out.problems.push('#what-if has no input[type=range] slider');
  const settle = () => new Promise(r => setTimeout(r, 0));
  const move = async (r, value) => {
    r.value = value;
    r.dispatchEvent(new Event('input', {bubbles: true}));
    r.dispatchEvent(new Event('change', {bubbles: true}));
    await settle();
  };
  const low = r => r.min !== '' ? r.min : '0';
  const high = r => r.max !== '' ? r.max : '100';
  const winners = new Set([out.initial]);
  // Markup that the script adds while the sliders move, however briefly: a name written with
  // innerHTML becomes an element here even when it is gone again at the end.
  const added = new Set();
  const activeTags = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'base', 'portal']);
  const look = node => {
    if (node.nodeType !== 1) return;
    for (const e of [node, ...node.querySelectorAll('*')]) {
      if (activeTags.has(e.localName)) added.add('<' + e.localName + '>: ' + e.outerHTML.slice(0, 100));
      for (const a of e.attributes)
        if (a.name.toLowerCase().startsWith('on'))
          added.add('<' + e.localName + ' ' + a.name + '="' + a.value.slice(0, 60) + '">');
    }
  };
  const seen = records => {
    for (const m of records) {
      if (m.type === 'childList') m.addedNodes.forEach(look);
      else if (m.attributeName && m.attributeName.toLowerCase().startsWith('on'))
        added.add('<' + m.target.localName + ' ' + m.attributeName + '>');
    }
  };
  const observer = new MutationObserver(seen);
  observer.observe(document, {subtree: true, childList: true, attributes: true});
  // Each slider in turn to its minimum (the others stay where they are).
  for (const r of ranges) {
    const criterion = r.getAttribute('data-criterion');
    if (!criterion) out.problems.push('a slider in #what-if has no data-criterion: ' + r.outerHTML.slice(0, 160));
    await move(r, low(r));
    const w = winner.textContent.trim();
    winners.add(w);
    out.sliders.push({criterion: criterion, value: r.value, winner: w});
    if (!w) out.problems.push('#what-if-winner is empty after slider ' + criterion + ' went to its minimum ' + r.value);
  }
  // Then each criterion alone at its maximum, the others at their minimum: the leader on that
  // criterion wins, so that more options' names go through the script (a name written with
  // innerHTML would become markup here).
  for (const r of ranges) {
    await move(r, high(r));
    const w = winner.textContent.trim();
    winners.add(w);
    if (!w) out.problems.push('#what-if-winner is empty with ' + r.getAttribute('data-criterion') + ' alone at its maximum');
    await move(r, low(r));
  }
  out.winners = Array.from(winners).filter(w => w).length;
  seen(observer.takeRecords());
  observer.disconnect();
  for (const a of added) out.problems.push('the script put active markup in the page: ' + a);
  await new Promise(r => setTimeout(r, 100));
  const bad = (panel.innerText + ' ' + winner.textContent).match(/\b(NaN|undefined|Infinity)\b/);
  if (bad) out.problems.push('"' + bad[1] + '" shows in the what-if panel after the sliders moved');
  return out;
})()
"""

HOSTILE_JS = r"""
(() => {
  const out = [];
  if (typeof window.__pwned !== 'undefined')
    out.push('window.__pwned is defined (' + String(window.__pwned) + '): injected markup ran');
  // HTML and SVG <script> alike; a data block (<script type="application/json">) never runs.
  const all = Array.from(document.querySelectorAll('script'));
  const data = new Set(['application/json', 'application/ld+json', 'text/plain']);
  const scripts = all.filter(s => !data.has((s.getAttribute('type') || '').split(';')[0].trim().toLowerCase()));
  if (scripts.length > 1)
    out.push(scripts.length + ' <script> elements that run, the report has one: ' +
             scripts.map(s => s.outerHTML.replace(/\s+/g, ' ').slice(0, 60)).join(' | '));
  for (const s of all)
    if (s.hasAttribute('src') || s.hasAttribute('href') || s.hasAttribute('xlink:href'))
      out.push('a <script> with a source: ' + s.outerHTML.slice(0, 160));
  const urlAttrs = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'srcdoc']);
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on'))
        out.push('event-handler attribute <' + el.localName + ' ' + a.name + '="' + a.value.slice(0, 80) + '">');
      if (urlAttrs.has(name)) {
        const v = a.value.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
        if (v.startsWith('javascript:') || v.startsWith('vbscript:') || v.startsWith('data:text/html') || name === 'srcdoc')
          out.push('active URL in <' + el.localName + ' ' + a.name + '="' + a.value.slice(0, 80) + '">');
      }
    }
  }
  for (const el of document.querySelectorAll('iframe, frame, frameset, object, embed, base, portal'))
    out.push('a <' + el.localName + '> element: ' + el.outerHTML.slice(0, 120));
  return out;
})()
"""
