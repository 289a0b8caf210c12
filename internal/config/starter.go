package config

// Starter is the commented configuration "edlint init" writes. Every key is
// shown, most commented out at its default, so the file documents itself.
const Starter = `# edlint configuration. edlint reads the nearest .edlint.toml found by
# walking up from each linted file (or the file named with --config).
# An unknown key or a bad value is an error: edlint names the file, line
# and key and exits with status 2.

# Lowest severity that makes edlint exit with status 1: "error", "warning"
# or "info". The --fail-level flag overrides it.
# fail-level = "warning"

# English variety the drafts use: "en-US" or "en-GB". Unset, either is
# accepted, but not both in one draft.
# variety = "en-US"

# Estimative-language standard the hedging rules measure against:
# "icd203" (default), "phia" or "nato".
# yardstick = "icd203"

# Words to accept as correctly spelt: names, codenames, jargon.
words = [
  # "Zelníčková",
  # "Kryuchkov",
]

# Word lists, one entry a line, "#" starts a comment. Paths are relative
# to this file.
# dictionaries = ["names.txt"]

# Turn rules or whole categories off, back on, or change their severity:
# "off", "on" (the rule's default), "error", "warning" or "info".
# A rule's name beats its category. Run "edlint rules" for the list.
[rules]
# unknown-name = "off"
# spelling = "warning"
# unused-directive = "off"

# Consistency preferences (a project style sheet): each variant, matched as
# written, is reported with the preferred form as a safe fix.
[consistency.prefer]
# "per cent" = "percent"
# "Kiev" = "Kyiv"

# Overrides apply to the files matching their globs (relative to this
# file; "**" spans directories; a name without "/" matches anywhere).
# Later overrides win over earlier ones and over the settings above.
# [[overrides]]
# paths = ["docs/legal/**"]
# words = ["Aktiengesellschaft"]
# [overrides.rules]
# hedging = "off"
`
