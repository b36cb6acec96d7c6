//! `jekyll-liquid`: the body holds `{{` or `{%` that Jekyll runs as Liquid.

use std::ops::Range;

use crate::model::front_matter::scalar::Scalar;
use crate::rules::{Context, Sink};

pub fn check(ctx: &Context, out: &mut Sink) {
    let post = ctx.post;
    // Without front matter Jekyll copies the file as it is; with
    // `render_with_liquid: false` it does not run Liquid on it.
    let Some(block) = post.front_matter.block() else {
        return;
    };
    if post.front_matter.entries().is_none()
        || post
            .front_matter
            .get("render_with_liquid")
            .and_then(|e| e.value.scalar())
            == Some(&Scalar::Bool(false))
    {
        return;
    }
    if !ctx.is_mirror() {
        return judge(ctx, block.body_start, out);
    }
    let body = &post.text[block.body_start..];
    let mut at = 0;
    while let Some(found) = memchr::memmem::find(&body.as_bytes()[at..], b"{") {
        let start = at + found;
        let rest = &body[start..];
        at = start + 1;
        let close = if rest.starts_with("{{") {
            "}}"
        } else if rest.starts_with("{%") {
            "%}"
        } else {
            continue;
        };
        let end = rest
            .find(close)
            .map_or(rest.len().min(rest.find('\n').unwrap_or(rest.len())), |e| {
                e + 2
            });
        let markup = &rest[..end];
        if close == "%}" && tag_name(markup) == Some("raw") {
            // Skip to the end of the raw block.
            match find_endraw(&body[start + end..]) {
                Some(e) => at = start + end + e,
                None => at = body.len(),
            }
            continue;
        }
        let span = block.body_start + start..block.body_start + start + end;
        let (what, effect) = if close == "}}" {
            (
                "a Liquid output tag",
                "Jekyll replaces it with the value of a variable, usually \
                nothing",
            )
        } else {
            (
                "a Liquid tag",
                "Jekyll runs it as a template tag, and stops the build if it \
                is not one",
            )
        };
        out.push(
            out.diagnostic(
                span,
                format!("the body holds {what} `{}`: {effect}", markup.trim_end()),
            )
            .label("read as Liquid, not text")
            .help(
                "wrap the text in `{% raw %}` … `{% endraw %}`, or set \
                `render_with_liquid: false` in the front matter",
            ),
        );
        at = start + end.max(2);
    }
}

/// The name of the tag in `{% name ... %}` (allowing `{%-`).
fn tag_name(markup: &str) -> Option<&str> {
    let inner = markup
        .strip_prefix("{%")?
        .trim_start_matches('-')
        .trim_start();
    inner
        .split(|c: char| c.is_whitespace() || c == '%' || c == '-')
        .next()
}

/// The offset just past the `{% endraw %}` in `s`.
fn find_endraw(s: &str) -> Option<usize> {
    let mut at = 0;
    while let Some(found) = s[at..].find("{%") {
        let start = at + found;
        let end = s[start..].find("%}")? + start + 2;
        if tag_name(&s[start..end]) == Some("endraw") {
            return Some(end);
        }
        at = start + 2;
    }
    None
}

/// Liquid's own tags (Liquid 4, which Jekyll 4 uses) and Jekyll's.
const TAGS: &[&str] = &[
    "assign",
    "capture",
    "case",
    "comment",
    "cycle",
    "decrement",
    "for",
    "break",
    "continue",
    "if",
    "ifchanged",
    "include",
    "increment",
    "raw",
    "tablerow",
    "unless",
    "highlight",
    "include_relative",
    "link",
    "post_url",
];

/// The tags that open a block, closed by `end<name>`.
const BLOCKS: &[&str] = &[
    "capture",
    "case",
    "comment",
    "for",
    "if",
    "ifchanged",
    "raw",
    "tablerow",
    "unless",
    "highlight",
];

/// Liquid's standard filters and Jekyll's.
const FILTERS: &[&str] = &[
    "abs",
    "append",
    "at_least",
    "at_most",
    "capitalize",
    "ceil",
    "compact",
    "concat",
    "date",
    "default",
    "divided_by",
    "downcase",
    "escape",
    "escape_once",
    "first",
    "floor",
    "h",
    "join",
    "last",
    "lstrip",
    "map",
    "minus",
    "modulo",
    "newline_to_br",
    "plus",
    "prepend",
    "remove",
    "remove_first",
    "replace",
    "replace_first",
    "reverse",
    "round",
    "rstrip",
    "size",
    "slice",
    "sort",
    "sort_natural",
    "split",
    "strip",
    "strip_html",
    "strip_newlines",
    "times",
    "truncate",
    "truncatewords",
    "uniq",
    "upcase",
    "url_decode",
    "url_encode",
    "where",
    // Jekyll's
    "absolute_url",
    "relative_url",
    "strip_index",
    "markdownify",
    "smartify",
    "sassify",
    "scssify",
    "slugify",
    "xml_escape",
    "cgi_escape",
    "uri_escape",
    "normalize_whitespace",
    "number_of_words",
    "array_to_sentence_string",
    "jsonify",
    "where_exp",
    "find",
    "find_exp",
    "group_by",
    "group_by_exp",
    "sample",
    "to_integer",
    "push",
    "pop",
    "shift",
    "unshift",
    "inspect",
    "date_to_xmlschema",
    "date_to_rfc822",
    "date_to_string",
    "date_to_long_string",
];

/// An open block: its name, and the span of its opening tag.
struct Open {
    name: String,
    span: Range<usize>,
}

/// On an ordinary site, Liquid is meant: report only what Jekyll fails on
/// (a tag never closed, an unknown tag, a block never closed, an end tag
/// with no block) or silently mangles (an unknown filter, which Jekyll
/// skips, leaving the value unchanged).
fn judge(ctx: &Context, body_start: usize, out: &mut Sink) {
    let text = ctx.post.text;
    let plugins = &ctx.site.liquid;
    // Block tags of plugins postlint cannot see (a gem loaded by the
    // `Gemfile`, say): an unknown tag closed later by its own `end` tag.
    let mut seen_blocks: Vec<String> = Vec::new();
    let plugin_tag = |name: &str, seen: &[String]| {
        plugins.tags.iter().any(|t| t == name) || seen.iter().any(|t| t == name)
    };
    let mut stack: Vec<Open> = Vec::new();
    let mut at = body_start;
    while let Some(found) = memchr::memmem::find(&text.as_bytes()[at..], b"{") {
        let start = at + found;
        let rest = &text[start..];
        at = start + 1;
        let close = if rest.starts_with("{{") {
            "}}"
        } else if rest.starts_with("{%") {
            "%}"
        } else {
            continue;
        };
        let Some(end) = rest[2..].find(close).map(|e| start + 2 + e + 2) else {
            let line_end = rest.find('\n').map_or(text.len(), |e| start + e);
            let what = if close == "}}" { "output" } else { "tag" };
            out.push(
                out.diagnostic(
                    start..line_end,
                    format!(
                        "Liquid {what} `{}` is never closed with `{close}`",
                        &rest[..2]
                    ),
                )
                .label(format!("no `{close}` after this"))
                .help(format!(
                    "close it with `{close}`, or wrap the text in `{{% raw %}}` … \
                    `{{% endraw %}}`: Jekyll stops the build with a Liquid syntax error"
                )),
            );
            return;
        };
        let span = start..end;
        at = end;
        let inner = text[start + 2..end - 2].trim_matches('-').trim();
        if close == "}}" {
            let markup = &text[start + 2..end - 2];
            let markup = markup.strip_prefix('-').unwrap_or(markup);
            let markup = markup.strip_suffix('-').unwrap_or(markup);
            // Liquid ends the output at its first `}`; what then is left is
            // another defect, which Jekyll stops on. Markup with no letter
            // or digit (`{{ "}}` in a quoted fold marker) loses no word of
            // the author's when read loosely: the page shows what was meant.
            if !markup.contains('}')
                && markup.chars().any(char::is_alphanumeric)
                && let Err(why) = strict_output(markup)
            {
                out.push(
                    out.diagnostic(
                        span.clone(),
                        format!("Liquid cannot read `{}`: {why}", &text[span.clone()]),
                    )
                    .label("Liquid reads this loosely, with a warning")
                    .help(
                        "Jekyll logs a Liquid warning and writes what a loose reading \
                        makes of it, often nothing, so the text is lost from the page: \
                        write text without `{{`, or wrap it in `{% raw %}` … `{% endraw %}`",
                    ),
                );
                continue;
            }
            check_filters(ctx, inner, &span, out);
            continue;
        }
        let name_len = inner
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(inner.len());
        let (name, markup) = inner.split_at(name_len);
        if name == "raw" || name == "comment" {
            let stop = format!("end{name}");
            match find_end(&text[end..], &stop) {
                Some(e) => at = end + e,
                None => {
                    out.push(unclosed(out, &span, name));
                    return;
                }
            }
            continue;
        }
        if matches!(name, "assign" | "echo") {
            check_filters(
                ctx,
                markup.split_once('=').map_or(markup, |(_, v)| v),
                &span,
                out,
            );
        }
        if let Some(opened) = name.strip_prefix("end")
            && (BLOCKS.contains(&opened) || plugin_tag(opened, &seen_blocks))
        {
            match stack.iter().rposition(|o| o.name == opened) {
                Some(i) if i + 1 == stack.len() => {
                    stack.pop();
                }
                _ if !BLOCKS.contains(&opened) => {}
                _ => {
                    let help = match stack.last() {
                        Some(o) => format!(
                            "the open block is `{}`: close it with `{{% end{} %}}` first",
                            o.name, o.name
                        ),
                        None => format!("remove it, or open the block with `{{% {opened} %}}`"),
                    };
                    out.push(
                        out.diagnostic(
                            span.clone(),
                            format!("`{{% {name} %}}` closes no open `{opened}` block"),
                        )
                        .label("nothing to close here")
                        .help(format!("{help}; Jekyll stops the build here")),
                    );
                    return;
                }
            }
            continue;
        }
        let inside = |names: &[&str]| {
            stack
                .last()
                .is_some_and(|o| names.contains(&o.name.as_str()))
        };
        let misplaced = match name {
            "else" => !inside(&["if", "unless", "for", "case"]),
            "elsif" => !inside(&["if", "unless"]),
            "when" => !inside(&["case"]),
            _ => false,
        };
        if misplaced {
            out.push(
                out.diagnostic(
                    span.clone(),
                    format!("`{{% {name} %}}` outside the block it belongs to"),
                )
                .label("not inside its block")
                .help("move it into its `if`, `for` or `case` block: Jekyll stops the build here"),
            );
            return;
        }
        if matches!(name, "else" | "elsif" | "when") {
            continue;
        }
        let known = TAGS.contains(&name) || plugin_tag(name, &seen_blocks);
        if !known && !name.is_empty() && find_end(&text[end..], &format!("end{name}")).is_some() {
            // A typo does not come with its own end tag: this is a block
            // a plugin defines, checked like one.
            seen_blocks.push(name.to_string());
            stack.push(Open {
                name: name.to_string(),
                span: span.clone(),
            });
            continue;
        }
        if name.is_empty() || !known {
            if plugins.unknown_plugins {
                continue;
            }
            out.push(
                out.diagnostic(span.clone(), format!("unknown Liquid tag `{name}`"))
                    .label("Jekyll knows no such tag")
                    .help(
                        "use a tag of Liquid or Jekyll, add the plugin that defines it, \
                        or wrap the text in `{% raw %}` … `{% endraw %}`: Jekyll stops the \
                        build here",
                    ),
            );
            return;
        }
        if BLOCKS.contains(&name) {
            stack.push(Open {
                name: name.to_string(),
                span: span.clone(),
            });
        }
    }
    if let Some(open) = stack.first() {
        out.push(unclosed(out, &open.span, &open.name));
    }
}

fn unclosed(out: &Sink, span: &Range<usize>, name: &str) -> crate::diagnostic::Diagnostic {
    out.diagnostic(
        span.clone(),
        format!("Liquid block `{name}` is never closed"),
    )
    .label("opened here")
    .help(format!(
        "close it with `{{% end{name} %}}`: Jekyll stops the build with a Liquid syntax error"
    ))
}

/// Report the unknown filters of an expression `value | f: a | g`.
fn check_filters(ctx: &Context, expression: &str, span: &Range<usize>, out: &mut Sink) {
    let plugins = &ctx.site.liquid;
    if plugins.unknown_plugins || !expression.contains('|') {
        return;
    }
    let mut quote = None;
    let mut pieces = Vec::new();
    let mut from = 0;
    for (i, c) in expression.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '|') => {
                pieces.push(&expression[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    pieces.push(&expression[from..]);
    for piece in pieces.iter().skip(1) {
        let piece = piece.trim_start();
        let name: &str = &piece[..piece
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(piece.len())];
        if name.is_empty() || FILTERS.contains(&name) || plugins.filters.iter().any(|f| f == name) {
            continue;
        }
        out.push(
            out.diagnostic(span.clone(), format!("unknown Liquid filter `{name}`"))
                .label("Jekyll knows no such filter")
                .help(
                    "use a filter of Liquid or Jekyll, or add the plugin that defines it: \
                    Jekyll skips an unknown filter and leaves the value unchanged",
                ),
        );
    }
}

/// The end of the `{% stop %}` tag in `s`, if there is one.
fn find_end(s: &str, stop: &str) -> Option<usize> {
    let mut at = 0;
    while let Some(found) = s[at..].find("{%") {
        let start = at + found;
        let end = s[start..].find("%}")? + start + 2;
        if tag_name(&s[start..end]) == Some(stop) {
            return Some(end);
        }
        at = start + 2;
    }
    None
}

/// A token of Liquid's lexer (Liquid 5.4, as Jekyll 4.3 runs it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    Comparison,
    Str,
    Number,
    Id,
    DotDot,
    Pipe,
    Dot,
    Colon,
    Comma,
    OpenSquare,
    CloseSquare,
    OpenRound,
    CloseRound,
    Question,
    Dash,
    End,
}

impl Token {
    /// The name Liquid's messages give it.
    fn name(self) -> &'static str {
        match self {
            Token::Comparison => "comparison",
            Token::Str => "string",
            Token::Number => "number",
            Token::Id => "id",
            Token::DotDot => "dotdot",
            Token::Pipe => "pipe",
            Token::Dot => "dot",
            Token::Colon => "colon",
            Token::Comma => "comma",
            Token::OpenSquare => "open_square",
            Token::CloseSquare => "close_square",
            Token::OpenRound => "open_round",
            Token::CloseRound => "close_round",
            Token::Question => "question",
            Token::Dash => "dash",
            Token::End => "end_of_string",
        }
    }
}

/// Liquid's `Lexer#tokenize`: its tokens, or the character it stops on.
fn tokenize(markup: &str) -> Result<Vec<Token>, String> {
    let b = markup.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    // Ruby's `\s` and `\w` are ASCII only.
    let space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    loop {
        while i < b.len() && space(b[i]) {
            i += 1;
        }
        if i == b.len() {
            break;
        }
        let rest = &b[i..];
        let digits = |from: usize| {
            rest[from..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count()
        };
        let comparison = ["==", "!=", "<>", "<=", ">=", "<", ">"]
            .iter()
            .find(|op| rest.starts_with(op.as_bytes()))
            .map(|op| op.len())
            .or_else(|| {
                (rest.starts_with(b"contains") && rest.get(8).is_some_and(|c| space(*c)))
                    .then_some(8)
            });
        let quoted = |q: u8| {
            (rest[0] == q)
                .then(|| rest[1..].iter().position(|c| *c == q))
                .flatten()
                .map(|e| e + 2)
        };
        let number = || {
            let sign = usize::from(rest[0] == b'-');
            let whole = digits(sign);
            (whole > 0).then(|| {
                let at = sign + whole;
                match (rest.get(at), digits((at + 1).min(rest.len()))) {
                    (Some(b'.'), frac) if frac > 0 => at + 1 + frac,
                    _ => at,
                }
            })
        };
        let (token, len) = if let Some(n) = comparison {
            (Token::Comparison, n)
        } else if let Some(n) = quoted(b'\'').or_else(|| quoted(b'"')) {
            (Token::Str, n)
        } else if let Some(n) = number() {
            (Token::Number, n)
        } else if rest[0].is_ascii_alphabetic() || rest[0] == b'_' {
            let mut n = 1 + rest[1..]
                .iter()
                .take_while(|c| word(**c) || **c == b'-')
                .count();
            if rest.get(n) == Some(&b'?') {
                n += 1;
            }
            (Token::Id, n)
        } else if rest.starts_with(b"..") {
            (Token::DotDot, 2)
        } else {
            let special = match rest[0] {
                b'|' => Token::Pipe,
                b'.' => Token::Dot,
                b':' => Token::Colon,
                b',' => Token::Comma,
                b'[' => Token::OpenSquare,
                b']' => Token::CloseSquare,
                b'(' => Token::OpenRound,
                b')' => Token::CloseRound,
                b'?' => Token::Question,
                b'-' => Token::Dash,
                _ => {
                    let c = markup[i..].chars().next().unwrap_or_default();
                    return Err(format!("unexpected character {c}"));
                }
            };
            (special, 1)
        };
        out.push(token);
        i += len;
    }
    out.push(Token::End);
    Ok(out)
}

/// Liquid's strict reading of the markup of an output `{{ markup }}`
/// (`Variable#strict_parse`): `Err` with Liquid's reason where Jekyll,
/// whose `liquid.error_mode` is `warn`, logs a warning and reads it
/// loosely instead.
fn strict_output(markup: &str) -> Result<(), String> {
    let tokens = tokenize(markup)?;
    let mut p = Parser { tokens, at: 0 };
    if p.look(Token::End, 0) {
        return Ok(());
    }
    p.expression()?;
    while p.consume_if(Token::Pipe) {
        p.consume(Token::Id)?;
        if p.consume_if(Token::Colon) {
            p.argument()?;
            while p.consume_if(Token::Comma) {
                p.argument()?;
            }
        }
    }
    p.consume(Token::End)
}

/// Liquid's `Parser`, over the tokens of one markup.
struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn look(&self, token: Token, ahead: usize) -> bool {
        self.tokens.get(self.at + ahead) == Some(&token)
    }

    fn current(&self) -> Token {
        self.tokens.get(self.at).copied().unwrap_or(Token::End)
    }

    fn consume(&mut self, token: Token) -> Result<(), String> {
        let found = self.current();
        if found != token {
            return Err(format!(
                "expected {} but found {}",
                token.name(),
                found.name()
            ));
        }
        self.at += 1;
        Ok(())
    }

    fn consume_if(&mut self, token: Token) -> bool {
        let here = self.look(token, 0);
        if here {
            self.at += 1;
        }
        here
    }

    fn expression(&mut self) -> Result<(), String> {
        match self.current() {
            Token::Id => {
                self.at += 1;
                self.lookups()
            }
            Token::OpenSquare => {
                self.at += 1;
                self.expression()?;
                self.consume(Token::CloseSquare)?;
                self.lookups()
            }
            Token::Str | Token::Number => {
                self.at += 1;
                Ok(())
            }
            Token::OpenRound => {
                self.at += 1;
                self.expression()?;
                self.consume(Token::DotDot)?;
                self.expression()?;
                self.consume(Token::CloseRound)
            }
            other => Err(format!("{} is not a valid expression", other.name())),
        }
    }

    fn argument(&mut self) -> Result<(), String> {
        // A keyword argument, `name: value`.
        if self.look(Token::Id, 0) && self.look(Token::Colon, 1) {
            self.at += 2;
        }
        self.expression()
    }

    fn lookups(&mut self) -> Result<(), String> {
        loop {
            if self.consume_if(Token::OpenSquare) {
                self.expression()?;
                self.consume(Token::CloseSquare)?;
            } else if self.consume_if(Token::Dot) {
                self.consume(Token::Id)?;
            } else {
                return Ok(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::strict_output;

    #[test]
    fn strict_output_warns_where_liquid_does() {
        // Each checked with Jekyll 4.3.1 (Liquid 5.4, `error_mode: warn`):
        // these log "Liquid syntax error" warnings ...
        for (markup, why) in [
            (
                "Some Title: more words",
                "expected end_of_string but found id",
            ),
            (" a b ", "expected end_of_string but found id"),
            (" a, b ", "expected end_of_string but found comma"),
            (" 1..2 ", "expected end_of_string but found dotdot"),
            (" a | ", "expected id but found end_of_string"),
            (" a | upcase: ", "end_of_string is not a valid expression"),
            (" a || b ", "expected id but found pipe"),
            (" a | upcase b ", "expected end_of_string but found id"),
            (" a == b ", "expected end_of_string but found comparison"),
            (" a#b ", "unexpected character #"),
            (" -a ", "dash is not a valid expression"),
            (" 'it's' ", "unexpected character '"),
            (" a: b ", "expected end_of_string but found colon"),
            (" a.b:c ", "expected end_of_string but found colon"),
            (" @a ", "unexpected character @"),
            (" a[ ", "end_of_string is not a valid expression"),
            (" 名前 ", "unexpected character 名"),
            (
                " a contains b ",
                "expected end_of_string but found comparison",
            ),
            (" a.[0] ", "expected id but found open_square"),
        ] {
            assert_eq!(strict_output(markup), Err(why.to_string()), "{markup}");
        }
        // ... these do not.
        for markup in [
            " page.title ",
            " page.title | upcase ",
            " site.data.x[0].y ",
            " \"a b\" ",
            " (1..3) ",
            " a.b-c ",
            " a-b ",
            " 3 ",
            " ",
            "",
            " a? ",
            " a.size ",
            " a[\"b c\"] ",
            " true ",
            " a | default: \"x\", y ",
            " a.first.b ",
            " a . b ",
            " -1.5 ",
            " a | truncate: 10, \"…\" | append: x ",
            " a | where: \"k\", v | map: \"n\" ",
            " x | sort: first: 1 ",
            " [\"a\"] ",
        ] {
            assert_eq!(strict_output(markup), Ok(()), "{markup}");
        }
    }
}
