//! An RFC 4180 CSV parser: the csv-app example's `workers/csv.js`, in Rust, with the
//! same rows and the same error messages for the same text.
//!
//! ```
//! use csv_worker::csv::parse;
//! let rows = parse("name,motto\r\nAda,\"Hello, \"\"world\"\"\"\r\n", |_| {}).unwrap();
//! assert_eq!(rows, [["name", "motto"], ["Ada", "Hello, \"world\""]]);
//! ```
//!
//! Records end with CRLF, LF or a lone CR; the last line break is optional. A field in
//! double quotes may hold commas, line breaks and doubled quotes (""). Spaces are part
//! of a field. Every record must have as many fields as the first one. Anything else is
//! a `CsvError` whose message names the line (and column) of the problem, counted in the
//! text as typed, so line breaks inside quoted fields count too. Columns count UTF-16
//! code units, as the JavaScript parser (and an editor in the browser) does.

use std::fmt;

/// What is wrong with the text, and on which line (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    pub message: String,
    pub line: usize,
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

const QUOTE: u8 = b'"';

/// Where the parser is in the text: `at` (a byte offset), the line it is on, and the
/// byte offset that line starts at (for columns).
struct Cursor<'a> {
    text: &'a str,
    at: usize,
    line: usize,
    line_start: usize,
}

impl<'a> Cursor<'a> {
    fn byte(&self, at: usize) -> Option<u8> {
        self.text.as_bytes().get(at).copied()
    }

    /// The 1-based column of byte offset `at` on the current line, in UTF-16 units.
    fn column(&self, at: usize) -> usize {
        self.text[self.line_start..at].encode_utf16().count() + 1
    }

    fn error(&self, line: usize, message: String) -> CsvError {
        CsvError { message, line }
    }

    /// A field in quotes, from its opening quote to just past its closing one.
    fn quoted(&mut self) -> Result<String, CsvError> {
        let (open_line, open_column) = (self.line, self.column(self.at));
        let mut value = String::new();
        self.at += 1;
        loop {
            let close = match self.text[self.at..].find('"') {
                Some(offset) => self.at + offset,
                None => {
                    return Err(self.error(open_line, format!(
                        "line {}, column {}: the quoted field that starts here is never closed (a field in quotes ends with a quote; write a quote inside it as \"\")",
                        open_line, open_column
                    )))
                }
            };
            let chunk = &self.text[self.at..close];
            value.push_str(chunk);
            // Line breaks inside the field still move us down the text.
            let (count, last_end) = line_breaks(chunk);
            if count > 0 {
                self.line += count;
                self.line_start = self.at + last_end;
            }
            if self.byte(close + 1) == Some(QUOTE) {
                value.push('"');
                self.at = close + 2;
            } else {
                self.at = close + 1;
                break;
            }
        }
        if let Some(next) = self.text[self.at..].chars().next() {
            if !is_delimiter(next) {
                let shown = serde_json::to_string(&next.to_string()).unwrap_or_default();
                return Err(self.error(self.line, format!(
                    "line {}, column {}: {} after the closing quote of a quoted field (a quoted field must end right before a comma or a line break)",
                    self.line,
                    self.column(self.at),
                    shown
                )));
            }
        }
        Ok(value)
    }

    /// A field without quotes, up to the next comma or line break.
    fn plain(&mut self) -> Result<String, CsvError> {
        let rest = &self.text[self.at..];
        // The delimiters are ASCII, so a byte scan stops only at them, never inside a
        // character; it is the parser's hottest loop.
        let end = rest.bytes().position(|b| matches!(b, b',' | b'\n' | b'\r')).unwrap_or(rest.len());
        let value = &rest[..end];
        if let Some(stray) = value.find('"') {
            return Err(self.error(self.line, format!(
                "line {}, column {}: a quote inside a field that does not start with one (put the whole field in quotes and double the quote: \"5'10\"\"\")",
                self.line,
                self.column(self.at + stray)
            )));
        }
        self.at += end;
        Ok(value.to_string())
    }

    /// One record: fields up to a line break or the end of the text.
    fn record(&mut self) -> Result<Vec<String>, CsvError> {
        let mut row = Vec::new();
        loop {
            let value = if self.byte(self.at) == Some(QUOTE) {
                self.quoted()?
            } else {
                self.plain()?
            };
            row.push(value);
            if self.byte(self.at) == Some(b',') {
                self.at += 1;
                continue;
            }
            return Ok(row);
        }
    }
}

/// Parses `text`, calling `progress(bytes_done)` after each record, so that a caller
/// can report how far it got (it decides how often to pass that on).
pub fn parse(text: &str, mut progress: impl FnMut(usize)) -> Result<Vec<Vec<String>>, CsvError> {
    // A byte order mark is an encoding artefact, not part of the first field.
    let start = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let mut rows = Vec::new();
    if start == text.len() {
        return Ok(rows);
    }
    let mut cursor = Cursor { text, at: start, line: 1, line_start: start };
    let mut width: Option<(usize, usize)> = None; // fields of the first record, its line
    loop {
        let record_line = cursor.line;
        let row = cursor.record()?;
        match width {
            None => width = Some((row.len(), record_line)),
            Some((fields, first_line)) if row.len() != fields => {
                return Err(cursor.error(record_line, width_message(record_line, &row, fields, first_line)));
            }
            Some(_) => {}
        }
        rows.push(row);
        progress(cursor.at);
        match cursor.byte(cursor.at) {
            None => return Ok(rows),
            // A line break: CRLF, LF or a lone CR.
            Some(b'\r') if cursor.byte(cursor.at + 1) == Some(b'\n') => cursor.at += 2,
            Some(_) => cursor.at += 1,
        }
        cursor.line += 1;
        cursor.line_start = cursor.at;
        if cursor.at >= text.len() {
            return Ok(rows); // a final line break ends the last record, it starts none
        }
    }
}

fn is_delimiter(c: char) -> bool {
    c == ',' || c == '\n' || c == '\r'
}

/// How many line breaks `chunk` holds (CRLF counts once), and the offset just past the last.
fn line_breaks(chunk: &str) -> (usize, usize) {
    let bytes = chunk.as_bytes();
    let mut count = 0;
    let mut last_end = 0;
    for (k, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(k + 1) != Some(&b'\n')) {
            count += 1;
            last_end = k + 1;
        }
    }
    (count, last_end)
}

fn width_message(line: usize, row: &[String], width: usize, first_line: usize) -> String {
    let expected = format!("the first row (line {}) has {}", first_line, fields(width));
    if row.len() == 1 && row[0].is_empty() {
        return format!("line {} is empty, but {}", line, expected);
    }
    format!("line {} has {}, but {}", line, fields(row.len()), expected)
}

fn fields(n: usize) -> String {
    if n == 1 {
        "1 field".to_string()
    } else {
        format!("{} fields", n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<Vec<String>> {
        parse(text, |_| {}).expect("parses")
    }

    fn fails(text: &str) -> CsvError {
        parse(text, |_| {}).expect_err("fails")
    }

    #[test]
    fn quoted_fields_hold_commas_quotes_and_line_breaks() {
        assert_eq!(
            rows("name,motto\r\nAda,\"Hello, \"\"world\"\"\"\r\n"),
            vec![vec!["name", "motto"], vec!["Ada", "Hello, \"world\""]]
        );
        assert_eq!(rows("a\n\"x\ny\""), vec![vec!["a"], vec!["x\ny"]]);
    }

    #[test]
    fn a_bom_and_an_empty_text_give_no_rows() {
        assert!(rows("").is_empty());
        assert!(rows("\u{feff}").is_empty());
        assert_eq!(rows("\u{feff}a"), vec![vec!["a"]]);
    }

    #[test]
    fn columns_count_utf16_units_and_lines_count_breaks_inside_quotes() {
        let error = fails("\"a\nb\"\n😀x\"y");
        assert_eq!(error.line, 3);
        assert!(error.message.starts_with("line 3, column 4: a quote inside"), "{}", error.message);
    }

    #[test]
    fn rows_of_another_width_name_the_first_row() {
        assert_eq!(
            fails("a,b\n1,2\n\n").message,
            "line 3 is empty, but the first row (line 1) has 2 fields"
        );
    }

    #[test]
    fn progress_is_reported_after_each_record() {
        let mut seen = Vec::new();
        parse("a\nbb\nccc", |done| seen.push(done)).unwrap();
        assert_eq!(seen, vec![1, 4, 8]);
    }
}
