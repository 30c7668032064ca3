// Slack's mrkdwn as the playground draws it: Slack's formatting rules, names for mentions, and never a
// piece of the text read as HTML.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mrkdwnHtml, plainTextHtml } from '../../../src/playground/render/mrkdwn.ts';

const names = {
  personName: (id: string) => ({ U0PLAYREP01: 'Alex Morgan' })[id],
  channelName: (id: string) => ({ C0PLAYSALES: 'sales' })[id],
};
const md = (text: string) => mrkdwnHtml(text, names).value;

describe('mrkdwn', () => {
  it('formats bold, italics, strike and code at word boundaries only', () => {
    expect(md('*Open* _soon_ ~old~ `OP00001`')).toBe(
      '<b>Open</b> <i>soon</i> <s>old</s> <code class="md-code">OP00001</code>',
    );
    expect(md('snake_case_name and 2*3*4')).toBe('snake_case_name and 2*3*4');
    expect(md('* not bold *')).toBe('* not bold *');
    expect(md('*Total:* $1,000')).toBe('<b>Total:</b> $1,000');
    expect(md('_*both*_')).toBe('<i><b>both</b></i>');
  });

  it('shows mentions as names, channels by name, links with their label', () => {
    expect(md('<@U0PLAYREP01> in <#C0PLAYSALES|sales>')).toBe(
      '<span class="mention" data-user="U0PLAYREP01">@Alex Morgan</span> in <span class="mention channel" data-channel="C0PLAYSALES">#sales</span>',
    );
    expect(md('<@U0NOBODY01|someone>')).toContain('@someone');
    expect(md('<!here>')).toContain('@here');
    expect(md('<https://example.com/a?b=1&amp;c=2|the report>')).toBe(
      '<a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">the report</a>',
    );
    expect(md('<!date^1700000000^{date_short}|Nov 14, 2023>')).toBe('Nov 14, 2023');
  });

  it('never makes a link of a javascript: or data: address', () => {
    expect(md('<javascript:alert(1)|click>')).toBe('click');
    expect(md('<data:text/html,x|x>')).not.toContain('href');
  });

  it('reads back the entities Slack writes and escapes everything for HTML', () => {
    expect(md('&lt;script&gt;alert("x")&lt;/script&gt; &amp; more')).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more',
    );
    expect(plainTextHtml('Tom &amp; Jerry <b>')).toEqual({ value: 'Tom &amp; Jerry &lt;b&gt;' });
  });

  it('turns known emoji shortcodes into emoji and leaves unknown ones as typed', () => {
    expect(md(':tada: won :not_an_emoji:')).toBe('<span class="emoji" title=":tada:">🎉</span> won :not_an_emoji:');
    expect(plainTextHtml(':white_check_mark: Saved', false).value).toBe(':white_check_mark: Saved');
  });

  it('draws code blocks, quotes and list lines', () => {
    expect(md('```a *b*\n<c>```')).toBe('<pre class="md-pre">a *b*\n&lt;c&gt;</pre>');
    expect(md('&gt; quoted *line*\nafter')).toBe('<blockquote class="md-quote">quoted <b>line</b></blockquote>after');
    expect(md('• first\n• *second*')).toBe(
      '<span class="md-li md-depth-0"><span class="md-marker">•</span>first</span><br />' +
        '<span class="md-li md-depth-0"><span class="md-marker">•</span><b>second</b></span>',
    );
  });

  it('whatever the text, the only tags are those of the renderer and no attribute runs script', () => {
    const allowed = new Set(['b', 'i', 's', 'code', 'pre', 'blockquote', 'br', 'span', 'a']);
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'<>&*_~`:|@#!/\n "\'=jsavcriptonload'.split('')), maxLength: 80 }),
        (text) => {
          const out = md(text);
          for (const match of out.matchAll(/<\/?([a-z]+)/g)) expect(allowed.has(match[1] ?? '')).toBe(true);
          expect(out).not.toMatch(/<[^>]*\son[a-z]+=/i);
          expect(out).not.toMatch(/href="(?!https?:|mailto:)/);
        },
      ),
      { numRuns: 500 },
    );
  });
});
