// Values as a locale writes them, through Intl: money with its currency, plain numbers, percentages,
// dates (medium style, "Dec 15, 2026" in en-US), amounts as the initial value of a text input, and
// compact amounts for the chart. Amounts stay exact: Intl is given decimal strings, never binary floats.
// A Formatter is built once per locale (src/i18n/presenter.ts keeps them): building an Intl formatter
// is far slower than using one.
import { LRUCache } from 'lru-cache';
import { readAmount, readPercent, type NumberReading } from '../domain/amounts.ts';
import { roundTo, type Decimal } from '../domain/decimal.ts';
import { dateParts, type LocalDate } from '../domain/local-date.ts';
import { escapeText, type Markup } from './markup.ts';

/** How a catalogue writes an amount in a currency Intl does not know: "XYZ 1,234.00". */
export type UnknownCurrency = (code: Markup, amount: Markup) => Markup;

type DecimalText = `${number}`;

/** At most 2 decimals, rounded half up: the text Intl formats exactly. */
const twoPlaces = (value: Decimal): DecimalText => roundTo(value, 2).toFixed(2) as DecimalText;

export class Formatter {
  // Per currency; `false`: not a currency code Intl accepts.
  private readonly moneyFormats = new LRUCache<string, Intl.NumberFormat | false>({ max: 100 });
  private readonly compactFormats = new LRUCache<string, Intl.NumberFormat | false>({ max: 100 });
  private readonly grouped: Intl.NumberFormat;
  private readonly plain: Intl.NumberFormat;
  private readonly exact: Intl.NumberFormat;
  private readonly daysFormat: Intl.NumberFormat;
  private readonly percentFormat: Intl.NumberFormat;
  private readonly compactNumber: Intl.NumberFormat;
  private readonly dateFormat: Intl.DateTimeFormat;
  private languageNames: Intl.DisplayNames | undefined;
  private readonly shortDateFormat: Intl.DateTimeFormat;

  constructor(
    /** A canonical locale tag (see ./locale.ts). */
    readonly locale: string,
    private readonly unknownCurrency: UnknownCurrency,
    /** Dates in messages are Slack date tokens that each reader sees in their own way (channel posts). */
    private readonly readerDates = false,
  ) {
    this.grouped = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    // Plain numbers and percentages are not grouped: they are small (days, percentages) and some are
    // the initial values of inputs.
    this.plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false });
    this.exact = new Intl.NumberFormat(locale, { maximumFractionDigits: 20 });
    this.daysFormat = new Intl.NumberFormat(locale, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      useGrouping: false,
    });
    this.percentFormat = new Intl.NumberFormat(locale, {
      style: 'percent',
      maximumFractionDigits: 2,
      useGrouping: false,
    });
    this.compactNumber = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    this.dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    this.shortDateFormat = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  }

  /**
   * "$12,000.50" in en-US, "12.000,50 €" in de-DE, "¥12,001" (yen have no decimals), "KWD 12,000.500"
   * (dinars three): the currency's own decimals, rounded half up.
   */
  money(value: Decimal, currency: string): Markup {
    const format = this.moneyFormat(currency);
    return format
      ? escapeText(format.format(value.toFixed() as DecimalText))
      : this.unknownCurrency(escapeText(currency), escapeText(this.grouped.format(twoPlaces(value))));
  }

  /**
   * An amount as the initial value of a text input: "12,000.50" in en-US, "12 000,50" in fr-CA (no
   * symbol). The form's reader must read it back unchanged; where it cannot read the locale's way
   * (Indian grouping, other digits) the input gets the plain "12000.50".
   */
  amountInput(value: Decimal): string {
    const exact = twoPlaces(value);
    return readsBack(this.grouped.format(exact), readAmount, exact);
  }

  /** A percentage as the initial value of a text input: "12.5" in en-US, "12,5" in fr-CA (read back as above). */
  percentInput(value: Decimal): string {
    const exact = twoPlaces(value);
    return readsBack(this.plain.format(exact), readPercent, roundTo(value, 2).toFixed() as DecimalText);
  }

  /** "12.5" / "40": at most 2 decimals, trailing zeros trimmed, not grouped. */
  number(value: Decimal): Markup {
    return escapeText(this.plain.format(twoPlaces(value)));
  }

  /** A number of days, averaged: always one decimal, so a column reads alike ("8.1", "8.5", "48.0"). */
  days(value: Decimal): Markup {
    return escapeText(this.daysFormat.format(roundTo(value, 1).toFixed() as DecimalText));
  }

  /** A number with all its decimals, grouped: "999,999,999,999.99", "12,000". */
  groupedNumber(value: Decimal | number): Markup {
    return escapeText(this.exact.format(typeof value === 'number' ? value : (value.toFixed() as DecimalText)));
  }

  /** A percentage given in percent: 12.5 → "12.5%" (at most 2 decimals). */
  percent(value: Decimal): Markup {
    return escapeText(this.percentFormat.format(roundTo(value, 2).dividedBy(100).toFixed() as DecimalText));
  }

  /** A calendar date, medium style: "Dec 15, 2026" in en-US, "15 déc. 2026" in fr-CA. */
  date(date: LocalDate): Markup {
    return escapeText(this.dateFormat.format(utcMidnight(date)));
  }

  /**
   * A date inside a message many people read (mrkdwn only): a Slack date token, which each reader's
   * Slack writes in their own language and order, with this locale's date as the fallback; for a
   * person's own surfaces, the date itself. The token names noon UTC of the day, the same calendar
   * day in every time zone from UTC-11 to UTC+11.
   */
  readerDate(date: LocalDate): Markup {
    const text = this.date(date);
    if (!this.readerDates) return text;
    const noon = Math.floor(utcMidnight(date).getTime() / 1000) + 12 * 3600;
    return `<!date^${noon}^{date_short}|${text}>` as Markup;
  }

  /** Day and month only, for the chart's axes and subtitle: "Dec 7" in en-US, "7 déc." in fr-CA; plain text. */
  shortDate(date: LocalDate): string {
    return this.shortDateFormat.format(utcMidnight(date));
  }

  /** A language's name as this locale writes it ("French", "français", "法语"). */
  languageName(language: 'en' | 'fr' | 'it' | 'nb' | 'zh'): Markup {
    // Simplified Chinese by name: the script is what the catalogue is written in.
    const tag = language === 'zh' ? 'zh-Hans' : language;
    this.languageNames ??= new Intl.DisplayNames(this.locale, { type: 'language' });
    return escapeText(this.languageNames.of(tag) ?? language);
  }

  /** Compact currency for the chart's axes and labels ($12.5K, $1.2M, €640K); plain text, not markup. */
  compactMoney(value: number, currency: string): string {
    let format = this.compactFormats.get(currency);
    if (format === undefined) {
      format = tryFormat(this.locale, {
        style: 'currency',
        currency,
        notation: 'compact',
        minimumFractionDigits: 0,
        maximumFractionDigits: 1,
      });
      this.compactFormats.set(currency, format);
    }
    return format ? format.format(value) : `${this.compactNumber.format(value)} ${currency}`;
  }

  private moneyFormat(currency: string): Intl.NumberFormat | null {
    let format = this.moneyFormats.get(currency);
    if (format === undefined) {
      // Without fraction digits given, Intl uses the currency's own (ISO 4217 minor units).
      format = tryFormat(this.locale, { style: 'currency', currency });
      this.moneyFormats.set(currency, format);
    }
    return format || null;
  }
}

/** `text` when `read` gives back exactly `exact`, else `exact` itself (which every reader reads). */
function readsBack(text: string, read: (text: string) => NumberReading, exact: DecimalText): string {
  const reading = read(text);
  return reading.ok && reading.value.equals(exact) ? text : exact;
}

/** An Intl number format, or false when Intl refuses the options (a currency code it does not know). */
function tryFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat | false {
  try {
    return new Intl.NumberFormat(locale, options);
  } catch {
    return false;
  }
}

/** The UTC midnight starting a calendar date (the formats above print it in UTC). */
function utcMidnight(date: LocalDate): Date {
  const { year, month, day } = dateParts(date);
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  return instant;
}
