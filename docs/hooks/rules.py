"""Makes the rule pages of the docs site from rules/*.md at build time.

Each `rules/<id>.md` is a `---` header of `key: value` lines (id, family,
severity, fix, summary), then Markdown whose examples are fenced blocks with
postlint's own info strings (src/rules/meta.rs reads them the same way):

    ```post bad [PATH]        a post that the rule reports
    ```post good [PATH]       a post that it does not
    ```post fixed [PATH]      what the fix loop makes of the bad post before it
    ```toml config            postlint.toml for the example that follows
    ```LANG file PATH         another file of the site, such as _config.yml

This hook turns each into a plain code block under a small label, adds a
line of metadata under the title, and emits the page as `rules/<id>.md`.
The table of docs/rules/index.md is made from the same headers. Nothing it
makes is written to the repository.
"""

import os
import re

from mkdocs.structure.files import File

# The families in the order the rule table lists them; a family missing
# here comes after these, by name.
FAMILIES = ["front-matter", "timestamp", "tag-link", "source", "jekyll", "suppression"]

TABLE_MARK = "<!-- rule-table -->"

# The rule documents, which `postlint rule <id>` prints too, send the reader
# to the README's section; on the site that section is a page of its own.
SITES_REFERENCE = "(see the README's \"Two kinds of site\")"
SITES_LINK = "(see [Two kinds of site](../sites.md))"

_rules = []


def _rules_dir(config):
    return os.path.join(os.path.dirname(config["config_file_path"]), "rules")


def _read_rules(config):
    rules = []
    folder = _rules_dir(config)
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".md"):
            continue
        path = os.path.join(folder, name)
        with open(path, encoding="utf-8") as f:
            doc = f.read()
        if not doc.startswith("---\n") or "\n---\n" not in doc[4:]:
            raise ValueError(f"{path}: no `---` header")
        header, body = doc[4:].split("\n---\n", 1)
        meta = {}
        for line in header.splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip()] = value.strip()
        for key in ("id", "family", "severity", "fix", "summary"):
            if key not in meta:
                raise ValueError(f"{path}: the header has no `{key}`")
        if meta["id"] + ".md" != name:
            raise ValueError(f"{path}: its id is `{meta['id']}`")
        meta["body"] = body
        rules.append(meta)

    def order(rule):
        family = rule["family"]
        rank = FAMILIES.index(family) if family in FAMILIES else len(FAMILIES)
        return (rank, family, rule["id"])

    return sorted(rules, key=order)


def _label(words):
    """The label of an example's fence, or None for an ordinary block."""
    if len(words) >= 2 and words[0] == "post" and words[1] in ("bad", "good", "fixed"):
        label = words[1].capitalize()
        path = " ".join(words[2:])
        lang = "html" if path.endswith((".html", ".htm")) else "markdown"
        return (f"{label}, as `{path}`" if path else label), lang
    if words[:2] == ["toml", "config"]:
        return "Config (`postlint.toml`)", "toml"
    if len(words) >= 2 and words[1] == "file":
        path = " ".join(words[2:])
        return f"File `{path}`", words[0]
    return None


def _page(rule):
    out = []
    fence = None  # the fence that opened the block we are in
    lines = rule["body"].split("\n")
    titled = False
    for line in lines:
        if fence is None:
            match = re.match(r"^(`{3,}|~{3,})(.*)$", line)
            if match:
                fence = match.group(1)
                labelled = _label(match.group(2).split())
                if labelled:
                    label, lang = labelled
                    out.append(f"**{label}**")
                    out.append("")
                    out.append(f"{fence}{lang}")
                else:
                    out.append(line)
                continue
            out.append(line.replace(SITES_REFERENCE, SITES_LINK))
            if not titled and line.startswith("# "):
                titled = True
                out.append("")
                out.append(
                    f"Family: `{rule['family']}` · default: `{rule['severity']}` · "
                    f"fix: {rule['fix']} · print it with `postlint rule {rule['id']}`"
                )
        else:
            out.append(line)
            if line.strip() == fence:
                fence = None
    return "\n".join(out)


def _table():
    rows = [
        "| rule | family | default | fix | what it finds |",
        "| --- | --- | --- | --- | --- |",
    ]
    for rule in _rules:
        fix = "" if rule["fix"] == "none" else rule["fix"]
        rows.append(
            f"| [`{rule['id']}`]({rule['id']}.md) | {rule['family']} | "
            f"{rule['severity']} | {fix} | {rule['summary']} |"
        )
    return "\n".join(rows)


def on_config(config):
    global _rules
    _rules = _read_rules(config)
    # Each rule's page goes under "Rules" in the navigation, after its index.
    for entry in config["nav"] or []:
        if isinstance(entry, dict) and "Rules" in entry:
            entry["Rules"] = [{"Rules": "rules/index.md"}] + [
                {rule["id"]: f"rules/{rule['id']}.md"} for rule in _rules
            ]
    return config


def on_files(files, config):
    for rule in _rules:
        page = File.generated(config, f"rules/{rule['id']}.md", content=_page(rule))
        # "Edit" leads to the rule's document, relative to `edit_uri` (docs/).
        page.edit_uri = f"../rules/{rule['id']}.md"
        files.append(page)
    return files


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == "rules/index.md":
        if TABLE_MARK not in markdown:
            raise ValueError(f"rules/index.md has no {TABLE_MARK}")
        markdown = markdown.replace(TABLE_MARK, _table())
    return markdown
