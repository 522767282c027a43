# bash completion for tradeoff. Installed as share/bash-completion/completions/tradeoff.
#
# Everything it offers comes from the program itself, so that a new command, option or built-in
# framework completes with no edit here: the commands from `tradeoff --help`, each command's
# options and their allowed values from `tradeoff COMMAND --help`, and the built-in frameworks
# and example assessments from `tradeoff list`. A file argument completes YAML files and folders;
# a --output argument any file.

# What `tradeoff ARGS...` prints, in _tradeoff_text; asked once per shell and program.
declare -gA _tradeoff_cache
_tradeoff_run() {
  local key="$*"
  if [[ -z ${_tradeoff_cache[$key]+set} ]]; then
    _tradeoff_cache[$key]=$("$@" 2>/dev/null)
  fi
  _tradeoff_text=${_tradeoff_cache[$key]}
}

# The entries of one section ("Options:", "Subcommands:", ...) of the help in _tradeoff_text,
# in the array _tradeoff_entries: each line as the help writes it, without its indent. An
# entry's spec ends at two spaces; a line indented further continues a description.
_tradeoff_section() {
  local line inside=0
  _tradeoff_entries=()
  while IFS= read -r line; do
    if [[ $line == "$1:" ]]; then
      inside=1
    elif [[ -z $line ]]; then
      inside=0
    elif ((inside)) && [[ $line =~ ^\ \ [^\ ] ]]; then
      _tradeoff_entries+=("${line:2}")
    fi
  done <<<"$_tradeoff_text"
}

# A command's options (the program's own when $2 is empty), in the arrays _tradeoff_names
# ("-f,--format") and _tradeoff_values (what the option takes, "TEXT:{text,json}=text", or
# empty for a flag).
_tradeoff_options() {
  local entry spec
  _tradeoff_run "$1" ${2:+"$2"} --help
  _tradeoff_section Options
  _tradeoff_names=()
  _tradeoff_values=()
  for entry in "${_tradeoff_entries[@]}"; do
    spec=${entry%%  *}
    _tradeoff_names+=("${spec%% *}")
    if [[ $spec == *" "* ]]; then
      _tradeoff_values+=("${spec#* }")
    else
      _tradeoff_values+=("")
    fi
  done
}

# Adds to COMPREPLY the words after the first (split at commas) that start with $1.
_tradeoff_add() {
  local prefix=$1 word words
  shift
  IFS=', ' read -ra words <<<"$*"
  for word in "${words[@]}"; do
    [[ $word == "$prefix"* ]] && COMPREPLY+=("$word")
  done
}

# Adds the ids `tradeoff list` gives for frameworks and example assessments (not catalog
# criteria, which no command takes by id) that start with $2.
_tradeoff_add_builtin_ids() {
  local line id inside=0
  _tradeoff_run "$1" list
  while IFS= read -r line; do
    if [[ $line == Frameworks || $line == "Example assessments" ]]; then
      inside=1
    elif [[ $line != " "* ]]; then
      inside=0
    elif ((inside)); then
      read -r id _ <<<"$line"
      [[ $id == "$2"* ]] && COMPREPLY+=("$id")
    fi
  done <<<"$_tradeoff_text"
}

# Adds the folders and, unless $2 is "any", the YAML files that start with $1.
_tradeoff_add_files() {
  local word
  compopt -o filenames 2>/dev/null
  while IFS= read -r word; do
    [[ -n $word ]] && COMPREPLY+=("$word")
  done < <({
    compgen -d -- "$1"
    if [[ ${2:-} == any ]]; then
      compgen -f -- "$1"
    else
      compgen -f -X '!*.yaml' -- "$1"
      compgen -f -X '!*.yml' -- "$1"
    fi
  } | sort -u)
}

# What option $1 of the command takes (as _tradeoff_options read them), in _tradeoff_value;
# fails when the command has no such option.
_tradeoff_value_of() {
  local i
  for i in "${!_tradeoff_names[@]}"; do
    if [[ ,${_tradeoff_names[i]}, == *",$1,"* ]]; then
      _tradeoff_value=${_tradeoff_values[i]}
      return 0
    fi
  done
  return 1
}

# Completes the command's argument at COMP_CWORD ($2 the command's index, $3 the word so far)
# from its "Positionals:" entry (in _tradeoff_text): the entry's allowed values, or else the
# built-in ids, YAML files and folders. The arguments before it are counted, skipping options
# and their values; the last argument, when it repeats ("files TEXT ..."), takes all the rest.
_tradeoff_complete_argument() {
  local position=0 i=$(($2 + 1)) spec
  while ((i < COMP_CWORD)); do
    if [[ ${COMP_WORDS[i]} == -* ]]; then
      if _tradeoff_value_of "${COMP_WORDS[i]}" && [[ -n $_tradeoff_value ]]; then
        ((i++))
        [[ ${COMP_WORDS[i]} == "=" ]] && ((i++))
      fi
    elif [[ ${COMP_WORDS[i]} != "=" ]]; then
      ((position++))
    fi
    ((i++))
  done
  _tradeoff_section Positionals
  ((${#_tradeoff_entries[@]})) || return 0
  if ((position >= ${#_tradeoff_entries[@]})); then
    spec=${_tradeoff_entries[-1]%%  *}
    [[ $spec == *" ..."* ]] || return 0
  else
    spec=${_tradeoff_entries[position]%%  *}
  fi
  if [[ $spec =~ \{([^}]*)\} ]]; then
    _tradeoff_add "$3" "${BASH_REMATCH[1]}"
  else
    _tradeoff_add_builtin_ids "$1" "$3"
    _tradeoff_add_files "$3"
  fi
}

_tradeoff() {
  COMPREPLY=()
  # The program being completed: as typed when it is a path, else found on PATH.
  local exe=${COMP_WORDS[0]}
  if [[ $exe == */* ]]; then
    # shellcheck disable=SC2088  # a literal "~/", as typed, is the home folder
    [[ $exe == "~/"* ]] && exe=$HOME/${exe#"~/"}
    [[ -f $exe && -x $exe ]] || return 0
  else
    exe=$(type -P "$exe") || return 0
  fi
  local cur=${COMP_WORDS[COMP_CWORD]} prev=""
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  # bash splits "--format=js" at '=': complete the value of the option before it.
  if [[ $cur == "=" ]]; then
    cur=""
  elif [[ $prev == "=" ]] && ((COMP_CWORD > 1)); then
    prev=${COMP_WORDS[COMP_CWORD - 2]}
  fi

  local at=1 entry
  while ((at < COMP_CWORD)) && [[ ${COMP_WORDS[at]} == -* ]]; do ((at++)); done
  if ((at == COMP_CWORD)); then  # no command yet
    if [[ $cur == -* ]]; then
      _tradeoff_options "$exe" ""
      _tradeoff_add "$cur" "${_tradeoff_names[@]}"
    else
      _tradeoff_run "$exe" --help
      _tradeoff_section Subcommands
      for entry in "${_tradeoff_entries[@]}"; do
        _tradeoff_add "$cur" "${entry%% *}"
      done
    fi
    return 0
  fi

  _tradeoff_options "$exe" "${COMP_WORDS[at]}"
  # The value of an option: one of its allowed values, a file for --output, else nothing.
  if [[ $prev == -* ]] && _tradeoff_value_of "$prev" && [[ -n $_tradeoff_value ]]; then
    if [[ $_tradeoff_value =~ \{([^}]*)\} ]]; then
      _tradeoff_add "$cur" "${BASH_REMATCH[1]}"
    elif [[ $prev == -o || $prev == --output ]]; then
      _tradeoff_add_files "$cur" any
    fi
  elif [[ $cur == -* ]]; then
    _tradeoff_add "$cur" "${_tradeoff_names[@]}"
  else
    _tradeoff_complete_argument "$exe" "$at" "$cur"
  fi
  return 0
}
complete -F _tradeoff tradeoff
