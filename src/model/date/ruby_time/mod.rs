//! Ruby's `Time.parse`, which Jekyll applies to every front matter `date`
//! (`Time.parse(value.to_s)`), for the forms posts use: `Date._parse` finds a
//! day name, a time with an optional zone, then the first date form among
//! day-month-year (`3 June 2020`), month-day-year (`June 3, 2020`), ISO
//! (`2020-06-03`), slashes (`2020/06/03`, `03/06/2020` is 3 June), dots
//! (`03.06.2020`), a month name alone, an ordinal day (`3rd`) and digits
//! alone (`20200603`); other words are ignored. `Time.parse` then fills a
//! missing month or day with 1, rolls a day past the month's end over
//! (`2020-02-30` is 1 March) and applies the zone only when `Time.zone_offset`
//! knows it: `±HH`, `±HHMM`, `±HH:MM`, `UTC`, `GMT`, `UT`, `Z`, the North
//! American `EST` to `PDT`, military letters, and the abbreviations of the
//! site's own zone. Any other zone (`CET` outside Central Europe, `JST`,
//! `+5`, `UTC+2`) is ignored: the time is read in the site's zone.
//!
//! [`date_parse`] reads the [`fields`], with the pieces of `scan` and the
//! time of day of `time_of_day`; [`zone`] knows the zones; [`time`]
//! makes the instant.

pub mod date_parse;
pub mod fields;
mod scan;
#[cfg(test)]
mod tests;
pub mod time;
mod time_of_day;
pub mod zone;
