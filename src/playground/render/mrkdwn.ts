// Slack's mrkdwn and plain_text, as Slack shows them, turned into escaped HTML.
//
// In Slack text `&`, `<` and `>` written by a person arrive as `&amp;`, `&lt;` and `&gt;`; a bare `<…>` is
// a control sequence (a mention, a channel, a link, `<!here>`, a date). Formatting (`*bold*`, `_italic_`,
// `~strike~`, `` `code` ``) applies only at word boundaries, as in Slack. Every piece of text ends up in
// the page through `text()`, so nothing the app (or a person) wrote is ever read as HTML.
import { emojiFor } from './emoji.ts';
import { EMPTY, type Html, html, join, text } from './html.ts';

export interface NameResolver {
  /** The name Slack shows for a user id (undefined: unknown user). */
  personName(userId: string): string | undefined;
  /** The name of a channel id (undefined: unknown channel). */
  channelName(channelId: string): string | undefined;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/** Slack's three entities read back as the characters they stand for. */
export function decodeEntities(value: string): string {
  return value.replace(/&(amp|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** plain_text: shown literally; emoji shortcodes become emoji when `emoji` is not false. */
export function plainTextHtml(value: string, emoji = true): Html {
  const decoded = decodeEntities(value);
  return emoji ? withEmoji(decoded) : text(decoded);
}

/** A mrkdwn text object: code blocks, quotes, list lines, then the inline formatting of each line. */
export function mrkdwnHtml(value: string, names: NameResolver): Html {
  const parts: Html[] = [];
  // Code blocks first: nothing inside them is formatting.
  const segments = value.split('```');
  segments.forEach((segment, index) => {
    const isCode = index % 2 === 1 && index < segments.length - 1;
    if (isCode) {
      parts.push(html`<pre class="md-pre">${decodeEntities(segment.replace(/^\n/, ''))}</pre>`);
    } else {
      const rest = index % 2 === 1 ? '```' + segment : segment;
      if (rest !== '') parts.push(blockLines(rest, names));
    }
  });
  return join(parts);
}

/** Quote lines (`>`) are grouped into one quote; list lines (•, -, 1.) keep their marker and hang. */
function blockLines(value: string, names: NameResolver): Html {
  const out: Html[] = [];
  let quote: string[] = [];
  let plain: string[] = [];
  const flushPlain = () => {
    if (plain.length === 0) return;
    out.push(
      join(
        plain.map((line) => lineHtml(line, names)),
        html`<br />`,
      ),
    );
    plain = [];
  };
  const flushQuote = () => {
    if (quote.length === 0) return;
    const lines = join(
      quote.map((line) => lineHtml(line, names)),
      html`<br />`,
    );
    // prettier-ignore
    out.push(html`<blockquote class="md-quote">${lines}</blockquote>`);
    quote = [];
  };
  for (const line of value.split('\n')) {
    const quoted = /^(?:&gt;|>) ?(.*)$/.exec(line);
    if (quoted) {
      flushPlain();
      quote.push(quoted[1] ?? '');
    } else {
      flushQuote();
      plain.push(line);
    }
  }
  flushPlain();
  flushQuote();
  // Plain runs separated by quotes still need their line break.
  return join(out, EMPTY);
}

function lineHtml(line: string, names: NameResolver): Html {
  const item = /^(\s*)([•◦▪‣-]|\d{1,3}[.)])\s+(.*)$/.exec(line);
  if (item) {
    const depth = Math.min(Math.floor((item[1] ?? '').length / 2), 4);
    const marker = item[2] ?? '';
    const content = inlineHtml(item[3] ?? '', names);
    // prettier-ignore
    return html`<span class="md-li md-depth-${depth}"><span class="md-marker">${marker}</span>${content}</span>`;
  }
  return inlineHtml(line, names);
}

const FORMATS: Record<string, 'b' | 'i' | 's'> = { '*': 'b', _: 'i', '~': 's' };

/** Punctuation and white space may stand before an opening mark or after a closing one. */
function isBoundary(ch: string | undefined): boolean {
  return ch === undefined || /[\s.,;:!?'"()[\]{}\-/*_~`]/.test(ch);
}

/** Inline formatting of one line. */
export function inlineHtml(line: string, names: NameResolver): Html {
  const out: Html[] = [];
  let literal = '';
  const flush = () => {
    if (literal !== '') out.push(withEmoji(decodeEntities(literal)));
    literal = '';
  };
  let i = 0;
  while (i < line.length) {
    const ch = line[i] as string;
    if (ch === '<') {
      const end = line.indexOf('>', i + 1);
      if (end > i) {
        flush();
        out.push(controlSequence(line.slice(i + 1, end), names));
        i = end + 1;
        continue;
      }
    }
    if (ch === '`') {
      const end = line.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push(html`<code class="md-code">${decodeEntities(line.slice(i + 1, end))}</code>`);
        i = end + 1;
        continue;
      }
    }
    const tag = FORMATS[ch];
    if (tag !== undefined && isBoundary(line[i - 1]) && line[i + 1] !== undefined && !/\s/.test(line[i + 1] ?? '')) {
      const end = closingMark(line, ch, i + 1);
      if (end > 0) {
        flush();
        const inner = inlineHtml(line.slice(i + 1, end), names);
        out.push(tag === 'b' ? html`<b>${inner}</b>` : tag === 'i' ? html`<i>${inner}</i>` : html`<s>${inner}</s>`);
        i = end + 1;
        continue;
      }
    }
    literal += ch;
    i += 1;
  }
  flush();
  return join(out);
}

function closingMark(line: string, mark: string, from: number): number {
  for (let j = from; j < line.length; j++) {
    if (line[j] === '<') {
      const end = line.indexOf('>', j + 1);
      if (end > j) j = end;
      continue;
    }
    if (line[j] === mark && j > from && !/\s/.test(line[j - 1] ?? '') && isBoundary(line[j + 1])) return j;
  }
  return -1;
}

/** `<@U1|name>`, `<#C1|name>`, `<!here>`, `<!date^…|fallback>`, `<https://…|label>`, `<mailto:…>`. */
function controlSequence(inner: string, names: NameResolver): Html {
  const bar = inner.indexOf('|');
  const target = bar >= 0 ? inner.slice(0, bar) : inner;
  const label = bar >= 0 ? inner.slice(bar + 1) : undefined;
  if (target.startsWith('@')) {
    const id = target.slice(1);
    const name = names.personName(id) ?? (label ? decodeEntities(label) : id);
    return html`<span class="mention" data-user="${id}">@${name}</span>`;
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    const name = names.channelName(id) ?? (label ? decodeEntities(label) : id);
    return html`<span class="mention channel" data-channel="${id}">#${name}</span>`;
  }
  if (target.startsWith('!')) {
    const special = target.slice(1);
    if (special === 'here' || special === 'channel' || special === 'everyone') {
      return html`<span class="mention">@${special}</span>`;
    }
    if (special.startsWith('subteam^')) return html`<span class="mention">${decodeEntities(label ?? '@team')}</span>`;
    // `<!date^…^{date}|fallback>` and anything else Slack could not format: its fallback text.
    return text(decodeEntities(label ?? ''));
  }
  const url = decodeEntities(target);
  const shown = label !== undefined ? decodeEntities(label) : url.replace(/^mailto:/, '');
  if (/^(https?:\/\/|mailto:)/i.test(url)) {
    return html`<a href="${url}" target="_blank" rel="noopener noreferrer">${shown}</a>`;
  }
  return text(shown);
}

/** Text with `:shortcode:` turned into the emoji Slack shows (unknown shortcodes stay as typed). */
function withEmoji(value: string): Html {
  const parts: Html[] = [];
  let last = 0;
  for (const match of value.matchAll(/:([a-z0-9_+-]+):/g)) {
    const emoji = emojiFor(match[1] ?? '');
    if (emoji === undefined) continue;
    parts.push(text(value.slice(last, match.index)));
    parts.push(html`<span class="emoji" title=":${match[1] ?? ''}:">${emoji}</span>`);
    last = match.index + match[0].length;
  }
  parts.push(text(value.slice(last)));
  return join(parts);
}
