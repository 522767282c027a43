#!/usr/bin/env python3
"""Checks the JSON Schemas of tradeoff's YAML files (schemas/*.schema.json).

  check_schemas.py --schemas DIR --invalid DIR [--valid FILE ...] [--uncomment FILE ...]

- every schema is a valid draft 2020-12 schema, and the definitions the three share are equal;
- every --valid file validates against the schema of its kind (told by its top-level key, as
  tradeoff tells it: 'assessment', else 'criterion', else 'framework');
- every --uncomment file validates once each commented-out line of YAML in it is uncommented
  (the files `tradeoff init` writes: what a user may uncomment must stay valid);
- every file in --invalid fails, with the error its header names:
      # schema: framework
      # invalid: additionalProperties at /criteria/0
      # message: 'wieght' was unexpected          (optional: a part of the message)

YAML is read as YAML 1.2 reads it, as tradeoff (yaml-cpp) and editors' YAML language servers do:
only true/false (any case form) are booleans, 1e6 is a number, 2023-01-25 is a string, and 'yes'
is text. Mapping keys stay as written (rubric keys such as 1 are the text "1").
"""
import argparse
import json
import pathlib
import re
import sys

import jsonschema
import yaml

KINDS = ("framework", "criterion", "assessment")


class Yaml12Loader(yaml.SafeLoader):  # pylint: disable=too-many-ancestors
    """PyYAML's safe loader with the YAML 1.2 core schema's scalars, as tradeoff reads them."""


Yaml12Loader.yaml_implicit_resolvers = {}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
# Numbers as tradeoff parses them: digits with '_' between two of them, a fraction, an exponent.
NUMBER = re.compile(r"^[-+]?(?:[0-9](?:_?[0-9])*(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:float", NUMBER, list("-+0123456789."))


def construct_number(loader, node):
    text = loader.construct_scalar(node).replace("_", "")
    if re.fullmatch(r"[-+]?[0-9]+", text):
        return int(text)
    return float(text)


def construct_bool(loader, node):
    return loader.construct_scalar(node).lower() == "true"


def construct_mapping(loader, node, deep=False):
    """Keys as written: tradeoff reads every key as text."""
    loader.flatten_mapping(node)
    out = {}
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            key = key_node.value
        else:
            key = json.dumps(loader.construct_object(key_node, deep=True))
        out[key] = loader.construct_object(value_node, deep=deep)
    return out


Yaml12Loader.add_constructor("tag:yaml.org,2002:float", construct_number)
Yaml12Loader.add_constructor("tag:yaml.org,2002:bool", construct_bool)
Yaml12Loader.add_constructor("tag:yaml.org,2002:map", construct_mapping)


def read_yaml(text):
    return yaml.load(text, Loader=Yaml12Loader)  # nosec: a safe loader


def kind_of(document):
    """The kind of file, by its top-level key, as tradeoff tells it."""
    if isinstance(document, dict):
        for kind in ("assessment", "criterion", "framework"):
            if kind in document:
                return kind
    return None


def all_errors(errors):
    """Every error, with those inside anyOf, oneOf and if/then branches."""
    for error in errors:
        yield error
        yield from all_errors(error.context or [])


def pointer(error):
    return "/" + "/".join(str(part) for part in error.absolute_path)


def describe(error):
    return f"{error.validator} at {pointer(error)}: {error.message}"


class Checker:
    def __init__(self, schema_dir):
        self.failures = []
        self.checked = 0
        self.schemas = {}
        for kind in KINDS:
            path = schema_dir / f"{kind}.schema.json"
            schema = json.loads(path.read_text(encoding="utf-8"))
            self.schemas[kind] = schema
        self.validators = {}
        for kind, schema in self.schemas.items():
            try:
                jsonschema.Draft202012Validator.check_schema(schema)
            except jsonschema.SchemaError as e:
                self.fail(f"{kind}.schema.json is not a valid draft 2020-12 schema: {e.message}")
                continue
            self.validators[kind] = jsonschema.Draft202012Validator(
                schema, format_checker=jsonschema.FormatChecker())

    def fail(self, message):
        self.failures.append(message)

    def check_headers(self):
        for kind, schema in self.schemas.items():
            expected = f"https://tradeoff.dev/schemas/{kind}.schema.json"
            if schema.get("$id") != expected:
                self.fail(f"{kind}.schema.json: $id is {schema.get('$id')!r}, not {expected!r}")
            if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
                self.fail(f"{kind}.schema.json: $schema is not draft 2020-12")

    def check_shared_definitions(self):
        """A definition that two schemas share must say the same in both: each file stands
        alone (an editor may be given one), so they are copies, and copies drift."""
        names = {}
        for kind, schema in self.schemas.items():
            for name, definition in schema.get("$defs", {}).items():
                names.setdefault(name, []).append((kind, definition))
        for name, copies in sorted(names.items()):
            first_kind, first = copies[0]
            for kind, definition in copies[1:]:
                if definition != first:
                    self.fail(f"$defs/{name} differs between {first_kind}.schema.json and "
                              f"{kind}.schema.json")

    def load(self, path, text=None):
        try:
            return read_yaml(path.read_text(encoding="utf-8") if text is None else text)
        except yaml.YAMLError as e:
            self.fail(f"{path}: not YAML: {e}")
            return None

    def check_valid(self, path, text=None, label=None):
        label = label or str(path)
        document = self.load(path, text)
        kind = kind_of(document)
        if kind is None:
            self.fail(f"{label}: not a framework, criterion or assessment")
            return
        self.checked += 1
        validator = self.validators.get(kind)
        if validator is None:
            return
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        for error in errors:
            best = jsonschema.exceptions.best_match([error])
            self.fail(f"{label} ({kind}): {describe(best)}")

    def check_uncommented(self, path):
        """Uncomments every commented-out line of YAML ('# key: ...', '#   - ...'), but for a
        placeholder (YYYY-MM-DD), which is there to be replaced."""
        text = path.read_text(encoding="utf-8")
        line = re.compile(r"^# ((?:  )*)((?:- |[a-z_][a-z0-9_]*:)(?!.*YYYY-MM-DD).*)$",
                          re.MULTILINE)
        uncommented, count = line.subn(r"\1\2", text)
        if count == 0:
            self.fail(f"{path}: no commented-out YAML to uncomment")
        self.check_valid(path, uncommented, f"{path} (uncommented, {count} lines)")

    def check_invalid(self, path):
        text = path.read_text(encoding="utf-8")
        header = dict(re.findall(r"^# (schema|invalid|message): (.*)$", text, re.MULTILINE))
        match = re.fullmatch(r"(\S+) at (\S*)", header.get("invalid", ""))
        if header.get("schema") not in KINDS or match is None:
            self.fail(f"{path}: needs a header '# schema: KIND' and '# invalid: KEYWORD at PATH'")
            return
        keyword, where = match.groups()
        where = where if where.startswith("/") else "/" + where
        self.checked += 1
        document = self.load(path)
        errors = list(all_errors(self.validators[header["schema"]].iter_errors(document)))
        if not errors:
            self.fail(f"{path}: validates, but should fail with {keyword} at {where}")
            return
        wanted = [e for e in errors if e.validator == keyword and pointer(e) == where]
        if "message" in header:
            wanted = [e for e in wanted if header["message"] in e.message]
        if not wanted:
            got = "\n    ".join(describe(e) for e in errors)
            self.fail(f"{path}: expected {keyword} at {where}"
                      f"{' saying ' + repr(header['message']) if 'message' in header else ''};"
                      f" got\n    {got}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schemas", type=pathlib.Path, required=True)
    parser.add_argument("--invalid", type=pathlib.Path, required=True)
    parser.add_argument("--valid", type=pathlib.Path, nargs="*", default=[])
    parser.add_argument("--uncomment", type=pathlib.Path, nargs="*", default=[])
    args = parser.parse_args()

    checker = Checker(args.schemas)
    checker.check_headers()
    checker.check_shared_definitions()
    for path in args.valid:
        checker.check_valid(path)
    for path in args.uncomment:
        checker.check_uncommented(path)
    invalid = sorted(args.invalid.glob("*.yaml"))
    if len(invalid) < 10:
        checker.fail(f"{args.invalid}: {len(invalid)} invalid files; the set needs at least 10")
    for path in invalid:
        checker.check_invalid(path)

    for failure in checker.failures:
        print(f"schema: {failure}", file=sys.stderr)
    print(f"schema: {checker.checked} files checked against 3 schemas, "
          f"{len(checker.failures)} failure(s)")
    return 1 if checker.failures else 0


if __name__ == "__main__":
    sys.exit(main())
