// Block Kit as the playground draws it: each block and element, their current values, field errors,
// confirmation dialogs, and the data attributes the page sends back (block_id, action_id, type).
import { describe, expect, it } from 'vitest';
import { renderBlocks, type RenderContext } from '../../../src/playground/render/blocks.ts';

const context: RenderContext = {
  names: { personName: (id) => (id === 'U0PLAYREP01' ? 'Alex Morgan' : undefined), channelName: () => undefined },
  people: [
    { id: 'U0PLAYADM01', name: 'Priya Shah' },
    { id: 'U0PLAYREP01', name: 'Alex Morgan' },
  ],
  surface: 'modal',
};
const draw = (blocks: unknown[], extra: Partial<RenderContext> = {}) => {
  const container = renderBlocks(blocks, { ...context, ...extra }).value;
  // White space runs as one space (HTML shows them so), none before a tag's closing bracket.
  return container.replace(/\s+/g, ' ').replace(/ (\/?)>/g, '$1>');
};
const plain = (text: string) => ({ type: 'plain_text', text });
const option = (text: string, value: string) => ({ text: plain(text), value });

describe('Block Kit blocks', () => {
  it('draws headers, sections with fields, context, dividers and images', () => {
    const out = draw([
      { type: 'header', block_id: 'h', text: plain('OP00001 · Fleet') },
      {
        type: 'section',
        block_id: 's',
        text: { type: 'mrkdwn', text: '*Stage* <@U0PLAYREP01>' },
        fields: [
          { type: 'mrkdwn', text: '*Value*\n$1,000.00' },
          { type: 'plain_text', text: 'a & b' },
        ],
      },
      { type: 'context', block_id: 'c', elements: [{ type: 'mrkdwn', text: '_updated_' }] },
      { type: 'divider' },
      { type: 'image', block_id: 'i', image_url: 'https://example.com/chart.png', alt_text: 'Chart' },
    ]);
    expect(out).toContain('<div class="bk-header" data-block="h">OP00001 · Fleet</div>');
    expect(out).toContain('<b>Stage</b> <span class="mention" data-user="U0PLAYREP01">@Alex Morgan</span>');
    expect(out).toContain('<div class="bk-field"><b>Value</b><br/>$1,000.00</div>');
    expect(out).toContain('<div class="bk-field">a &amp; b</div>');
    expect(out).toContain('<span class="bk-context-text"><i>updated</i></span>');
    expect(out).toContain('<hr class="bk-divider"/>');
    expect(out).toContain('src="https://example.com/chart.png" alt="Chart"');
  });

  it('refuses image addresses that are not web or local files', () => {
    const out = draw([{ type: 'image', image_url: 'javascript:alert(1)', alt_text: 'x' }]);
    expect(out).not.toContain('src=');
    expect(out).toContain('missing');
  });

  it('draws buttons with their style, value lookup attributes and confirmation dialog', () => {
    const out = draw([
      {
        type: 'actions',
        block_id: 'card_actions',
        elements: [
          { type: 'button', action_id: 'opp_next', text: plain('Next stage'), style: 'primary', value: 'OP00001' },
          {
            type: 'button',
            action_id: 'opp_delete',
            text: plain('Delete'),
            style: 'danger',
            confirm: {
              title: plain('Delete OP00001?'),
              text: { type: 'mrkdwn', text: 'This *cannot* be undone.' },
              confirm: plain('Delete'),
              deny: plain('Keep it'),
              style: 'danger',
            },
          },
        ],
      },
    ]);
    expect(out).toContain(
      '<button type="button" class="bk-button bk-primary" data-kind="button" data-block="card_actions" data-action="opp_next"',
    );
    expect(out).toContain(
      'class="bk-button bk-danger" data-kind="button" data-block="card_actions" data-action="opp_delete"',
    );
    expect(out).toContain('<template class="bk-confirm" data-style="danger">');
    expect(out).toContain('This <b>cannot</b> be undone.');
    expect(out).toMatch(/confirm-deny">\s*Keep it\s*<\/button>/);
    // The value stays on the server, which sends the element's own value: the page cannot change it.
    expect(out).not.toContain('OP00001"');
  });

  it('draws inputs with label, optional mark, hint and the error under the field', () => {
    const out = draw(
      [
        {
          type: 'input',
          block_id: 'create_description',
          label: plain('Description'),
          hint: plain('A few words'),
          element: { type: 'plain_text_input', action_id: 'create_description', initial_value: 'Fleet' },
        },
        {
          type: 'input',
          block_id: 'create_value',
          optional: true,
          label: plain('Estimated value'),
          element: { type: 'plain_text_input', action_id: 'create_value', multiline: true, max_length: 50 },
        },
      ],
      { errors: { create_description: 'Type a description.' } },
    );
    expect(out).toContain('<div class="bk-input has-error" data-block="create_description">');
    expect(out).toContain('aria-label="Description" value="Fleet"');
    expect(out).toContain('<div class="bk-hint">A few words</div>');
    expect(out).toContain('<div class="bk-error" role="alert">Type a description.</div>');
    expect(out).toContain('<span class="bk-optional">(optional)</span>');
    expect(out).toContain('rows="4"');
    expect(out).toContain('maxlength="50"');
  });

  it('shows selects, radio buttons, checkboxes and date pickers with their initial values, or the state over them', () => {
    const blocks = [
      {
        type: 'input',
        block_id: 'cycle',
        label: plain('Sales cycle'),
        element: {
          type: 'static_select',
          action_id: 'cycle',
          options: [option('FIELD — Field sales', 'FIELD'), option('RENEWAL', 'RENEWAL')],
          initial_option: option('FIELD — Field sales', 'FIELD'),
        },
      },
      {
        type: 'input',
        block_id: 'outcome',
        dispatch_action: true,
        label: plain('Outcome'),
        element: {
          type: 'radio_buttons',
          action_id: 'close_outcome',
          options: [option('Won', 'won'), option('Lost', 'lost')],
        },
      },
      {
        type: 'input',
        block_id: 'flags',
        label: plain('Flags'),
        element: {
          type: 'checkboxes',
          action_id: 'flags',
          options: [option('Quote required', 'quote'), option('Allow skip', 'skip')],
          initial_options: [option('Allow skip', 'skip')],
        },
      },
      {
        type: 'input',
        block_id: 'date',
        label: plain('Closing date'),
        element: { type: 'datepicker', action_id: 'date', initial_date: '2026-12-31' },
      },
      {
        type: 'input',
        block_id: 'who',
        label: plain('Salesperson'),
        element: { type: 'users_select', action_id: 'who', initial_user: 'U0PLAYREP01' },
      },
    ];
    const initial = draw(blocks);
    expect(initial).toMatch(/<option value="FIELD" selected>\s*FIELD — Field sales\s*<\/option>/);
    expect(initial).toContain('data-dispatch="true"');
    expect(initial).toContain('<input type="checkbox" value="skip" checked/>');
    expect(initial).toContain('<input type="checkbox" value="quote"/>');
    expect(initial).toContain('type="date"');
    expect(initial).toContain('value="2026-12-31"');
    expect(initial).toContain('<option value="U0PLAYREP01" selected>Alex Morgan</option>');

    const typed = draw(blocks, {
      state: {
        cycle: { cycle: { type: 'static_select', selected_option: option('RENEWAL', 'RENEWAL') } },
        outcome: { close_outcome: { type: 'radio_buttons', selected_option: option('Lost', 'lost') } },
        flags: { flags: { type: 'checkboxes', selected_options: [] } },
        date: { date: { type: 'datepicker', selected_date: '2027-01-15' } },
      },
    });
    expect(typed).toContain('<option value="RENEWAL" selected>');
    expect(typed).toContain('value="lost" checked');
    expect(typed).toContain('<input type="checkbox" value="skip"/>');
    expect(typed).toContain('value="2027-01-15"');
  });

  it('draws external selects with their minimum query length and chosen option, and overflow menus', () => {
    const out = draw([
      {
        type: 'input',
        block_id: 'create_contact',
        label: plain('Contact'),
        element: {
          type: 'external_select',
          action_id: 'contact_search',
          min_query_length: 1,
          initial_option: option('Northwind Traders', 'CT00001'),
        },
      },
      {
        type: 'section',
        block_id: 'row',
        text: { type: 'mrkdwn', text: 'OP00001' },
        accessory: {
          type: 'overflow',
          action_id: 'more',
          options: [option('Show', 'show'), option('Delete', 'delete')],
        },
      },
    ]);
    expect(out).toContain('data-kind="external_select" data-block="create_contact" data-action="contact_search"');
    expect(out).toContain('data-min="1" data-value="CT00001" data-text="Northwind Traders"');
    expect(out).toContain('aria-label="Contact"');
    expect(out).toContain('<li role="menuitem" tabindex="0" data-value="delete">Delete</li>');
  });

  it('says which block it cannot draw instead of dropping it', () => {
    expect(draw([{ type: 'video', block_id: 'v' }])).toContain('[video block]');
  });
});
