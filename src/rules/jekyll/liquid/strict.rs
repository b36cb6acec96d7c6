//! Liquid's strict reading of an output's markup: its lexer and the part
//! of its parser that reads `{{ markup }}`.

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
pub(super) fn strict_output(markup: &str) -> Result<(), String> {
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
