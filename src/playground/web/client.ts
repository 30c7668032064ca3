// The playground page's script. The server draws everything (escaped HTML, see src/playground/render);
// this script only places what it draws, and turns what a person does (a click, a choice, typing in a
// form, a command) into a request to the server, which sends it on to the app as Slack would.

interface ScreenPart {
  key: string;
  html: string;
}

interface Person {
  id: string;
  name: string;
  role: string;
  title: string;
  timeZone: string;
  locale: string;
}

interface Screen {
  version: number;
  me: Person;
  people: Person[];
  channels: { id: string; name: string; purpose: string }[];
  conversation: { id: string; title: string; purpose: string } | null;
  messages: ScreenPart[];
  home: (ScreenPart & { viewId?: string }) | null;
  modal: (ScreenPart & { viewId: string }) | null;
  preparing: boolean;
}

interface ElementInput {
  blockId: string;
  actionId: string;
  value?: string | null;
  values?: string[];
  option?: { text: string; value: string } | null;
}

type Surface = { kind: 'message'; channelId: string; ts: string } | { kind: 'view'; viewId: string };

const SALES = 'C0PLAYSALES';
const params = new URLSearchParams(location.search);
const current = {
  as: params.get('as') ?? localStorage.getItem('playground.as') ?? '',
  at: params.get('at') ?? localStorage.getItem('playground.at') ?? SALES,
  modalKey: '',
  homeKey: '',
  sidebarKey: '',
};

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
}

/** Markup the server drew (every text in it escaped there) placed into an element. */
function place(element: Element, serverHtml: string): void {
  element.innerHTML = serverHtml;
}

async function post<T = { ok: boolean }>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`/play/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

// ---- drawing the screen

let refreshing: Promise<void> | null = null;
let again = false;

function refresh(): Promise<void> {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      const query = new URLSearchParams({ as: current.as, at: current.at });
      const response = await fetch(`/play/screen?${query.toString()}`);
      draw((await response.json()) as Screen);
    } while (again);
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function draw(screen: Screen): void {
  current.as = screen.me.id;
  document.body.dataset.version = String(screen.version);
  byId('preparing').hidden = !screen.preparing;
  drawSidebar(screen);
  drawMain(screen);
  drawModal(screen.modal);
}

function drawSidebar(screen: Screen): void {
  const key = `${current.as}|${current.at}`;
  if (key === current.sidebarKey) return;
  current.sidebarKey = key;
  const channels = byId('channels');
  channels.replaceChildren(
    ...screen.channels.map((channel) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `nav-item${current.at === channel.id ? ' active' : ''}`;
      button.dataset.at = channel.id;
      button.textContent = `# ${channel.name}`;
      return button;
    }),
  );
  for (const item of document.querySelectorAll<HTMLElement>('#apps .nav-item')) {
    item.classList.toggle('active', current.at === 'home' || current.at === 'messages');
  }
  const select = byId<HTMLSelectElement>('person');
  select.replaceChildren(
    ...screen.people.map((person) => {
      const option = document.createElement('option');
      option.value = person.id;
      option.textContent = `${person.name} — ${person.role}`;
      option.selected = person.id === screen.me.id;
      return option;
    }),
  );
  byId('person-details').textContent = `${screen.me.title} · ${screen.me.timeZone} · ${screen.me.locale}`;
  byId('avatar-me').textContent = screen.me.name.slice(0, 1);
}

function drawMain(screen: Screen): void {
  const inApp = current.at === 'home' || current.at === 'messages';
  byId('title').textContent = inApp ? 'Pipeline' : (screen.conversation?.title ?? '');
  byId('purpose').textContent = inApp ? 'App' : (screen.conversation?.purpose ?? '');
  byId('tabs').hidden = !inApp;
  for (const tab of document.querySelectorAll<HTMLElement>('#tabs [data-at]')) {
    tab.classList.toggle('active', tab.dataset.at === current.at);
  }
  const home = byId('home');
  const messages = byId('messages');
  home.hidden = current.at !== 'home';
  messages.hidden = current.at === 'home';
  byId('composer').hidden = current.at === 'home';
  const box = byId<HTMLTextAreaElement>('message-box');
  box.placeholder = inApp ? 'Message Pipeline' : `Message ${screen.conversation?.title ?? ''}`;
  if (screen.home && screen.home.key !== current.homeKey) {
    current.homeKey = screen.home.key;
    home.dataset.viewId = screen.home.viewId ?? '';
    place(home, screen.home.html);
  }
  if (!screen.home) current.homeKey = '';
  drawMessages(messages, screen.messages);
}

/** Messages are matched by their ts: a changed message is redrawn where it is, a new one is added. */
function drawMessages(container: HTMLElement, parts: ScreenPart[]): void {
  const existing = new Map<string, HTMLElement>();
  for (const child of Array.from(container.children) as HTMLElement[]) existing.set(child.dataset.ts ?? '', child);
  let previous: HTMLElement | null = null;
  let added = false;
  const keep = new Set<string>();
  for (const part of parts) {
    const ts = part.key.split(':')[0] ?? '';
    keep.add(ts);
    let element = existing.get(ts);
    if (!element || element.dataset.key !== part.key) {
      const wrapper = document.createElement('div');
      wrapper.className = 'message-slot';
      wrapper.dataset.ts = ts;
      wrapper.dataset.key = part.key;
      place(wrapper, part.html);
      if (element) element.replaceWith(wrapper);
      else added = true;
      element = wrapper;
    }
    const expectedPosition: ChildNode | null = previous ? previous.nextSibling : container.firstChild;
    if (expectedPosition !== element) container.insertBefore(element, expectedPosition);
    previous = element;
  }
  for (const [ts, element] of existing) if (!keep.has(ts)) element.remove();
  byId('empty-conversation').hidden = parts.length > 0 || current.at === 'home';
  if (added && followLatest) container.scrollTop = container.scrollHeight;
}

/** Like Slack: the conversation stays on its latest message unless the person scrolled up to read. */
let followLatest = true;
const messagesElement = byId('messages');
messagesElement.addEventListener('scroll', () => {
  followLatest = messagesElement.scrollHeight - messagesElement.scrollTop - messagesElement.clientHeight < 80;
});
// A chart that finishes loading makes the conversation taller.
messagesElement.addEventListener(
  'load',
  () => {
    if (followLatest) messagesElement.scrollTop = messagesElement.scrollHeight;
  },
  true,
);

function drawModal(modal: Screen['modal']): void {
  const overlay = byId('modal-overlay');
  if (!modal) {
    overlay.hidden = true;
    overlay.replaceChildren();
    current.modalKey = '';
    return;
  }
  overlay.hidden = false;
  if (modal.key === current.modalKey) return;
  current.modalKey = modal.key;
  place(overlay, modal.html);
}

// ---- what a person does

function surfaceOf(element: Element): Surface | null {
  const modal = element.closest<HTMLElement>('.modal');
  if (modal?.dataset.viewId) return { kind: 'view', viewId: modal.dataset.viewId };
  const home = element.closest<HTMLElement>('#home');
  if (home?.dataset.viewId) return { kind: 'view', viewId: home.dataset.viewId };
  const message = element.closest<HTMLElement>('.message');
  if (message?.dataset.ts && message.dataset.channel) {
    return { kind: 'message', channelId: message.dataset.channel, ts: message.dataset.ts };
  }
  return null;
}

/** Whether a change of this element goes to the app at once (Slack: in messages, actions blocks and dispatch_action inputs). */
function dispatches(element: HTMLElement): boolean {
  if (element.closest('.message')) return true;
  return element.closest('.bk-actions, .bk-accessory') !== null || element.dataset.dispatch === 'true';
}

/** What an element holds now, as the page sends it. */
function inputOf(element: HTMLElement): ElementInput {
  const base = { blockId: element.dataset.block ?? '', actionId: element.dataset.action ?? '' };
  switch (element.dataset.kind) {
    case 'static_select':
    case 'users_select':
      return { ...base, value: (element as HTMLSelectElement).value || null };
    case 'external_select': {
      const value = element.dataset.value ?? '';
      return { ...base, option: value ? { value, text: element.dataset.text ?? '' } : null };
    }
    case 'radio_buttons':
      return { ...base, value: element.querySelector<HTMLInputElement>('input:checked')?.value ?? null };
    case 'checkboxes':
      return {
        ...base,
        values: Array.from(element.querySelectorAll<HTMLInputElement>('input:checked'), (box) => box.value),
      };
    default:
      return { ...base, value: (element as HTMLInputElement).value ?? null };
  }
}

const STATEFUL = new Set([
  'plain_text_input',
  'number_input',
  'email_text_input',
  'url_text_input',
  'static_select',
  'users_select',
  'external_select',
  'radio_buttons',
  'checkboxes',
  'datepicker',
  'timepicker',
]);

/** Every value entered in a modal or the Home tab (Slack's view.state). */
function inputsOf(surfaceElement: Element | null): ElementInput[] {
  if (!surfaceElement) return [];
  return Array.from(surfaceElement.querySelectorAll<HTMLElement>('[data-kind]'))
    .filter((element) => STATEFUL.has(element.dataset.kind ?? ''))
    .map(inputOf);
}

function containerOf(element: Element): Element | null {
  return element.closest('.modal') ?? element.closest('#home');
}

async function dispatch(element: HTMLElement, input: ElementInput): Promise<void> {
  const surface = surfaceOf(element);
  if (!surface) return;
  const confirmTemplate = confirmationFor(element);
  if (confirmTemplate && !(await confirmWith(confirmTemplate))) return;
  element.classList.add('busy');
  try {
    await post('action', { as: current.as, surface, input, inputs: inputsOf(containerOf(element)) });
  } finally {
    element.classList.remove('busy');
  }
  await refresh();
}

function confirmationFor(element: HTMLElement): HTMLTemplateElement | null {
  const holder = element.closest('[data-kind]') ?? element;
  const next = holder.nextElementSibling;
  return next instanceof HTMLTemplateElement && next.classList.contains('bk-confirm') ? next : null;
}

/** Slack's confirmation dialog; resolves true when confirmed. */
function confirmWith(template: HTMLTemplateElement): Promise<boolean> {
  const layer = byId('confirm-layer');
  const dialog = document.createElement('div');
  dialog.className = 'confirm-dialog';
  dialog.setAttribute('role', 'alertdialog');
  dialog.append(template.content.cloneNode(true));
  layer.replaceChildren(dialog);
  layer.hidden = false;
  return new Promise((resolve) => {
    const finish = (answer: boolean) => {
      layer.hidden = true;
      layer.replaceChildren();
      resolve(answer);
    };
    dialog.querySelector('.confirm-ok')?.addEventListener('click', () => finish(true));
    dialog.querySelector('.confirm-deny')?.addEventListener('click', () => finish(false));
  });
}

/** A confirmation of the playground's own (the Reset demo action), drawn like Slack's. */
function confirmText(title: string, text: string, ok: string): Promise<boolean> {
  const template = document.createElement('template');
  const parts: [string, string][] = [
    ['confirm-title', title],
    ['confirm-text', text],
  ];
  for (const [className, content] of parts) {
    const div = document.createElement('div');
    div.className = className;
    div.textContent = content;
    template.content.append(div);
  }
  const buttons = document.createElement('div');
  buttons.className = 'confirm-buttons';
  const deny = document.createElement('button');
  deny.type = 'button';
  deny.className = 'bk-button confirm-deny';
  deny.textContent = 'Cancel';
  const yes = document.createElement('button');
  yes.type = 'button';
  yes.className = 'bk-button bk-danger confirm-ok';
  yes.textContent = ok;
  buttons.append(deny, yes);
  template.content.append(buttons);
  return confirmWith(template);
}

function go(at: string): void {
  current.at = at;
  followLatest = true;
  localStorage.setItem('playground.at', at);
  current.sidebarKey = '';
  if (at === 'home') void post('home', { as: current.as }).then(refresh);
  void refresh();
}

document.addEventListener('click', (event) => {
  const target = event.target as HTMLElement;
  const nav = target.closest<HTMLElement>('[data-at]');
  if (nav?.dataset.at && !target.closest('.message, .modal')) return go(nav.dataset.at);

  const button = target.closest<HTMLElement>('button[data-kind="button"]');
  if (button) {
    if (button.dataset.url) window.open(button.dataset.url, '_blank', 'noopener');
    void dispatch(button, { blockId: button.dataset.block ?? '', actionId: button.dataset.action ?? '' });
    return;
  }

  const overflowToggle = target.closest('.bk-overflow-toggle');
  if (overflowToggle) {
    const menu = overflowToggle.parentElement?.querySelector<HTMLElement>('.bk-menu');
    if (menu) menu.hidden = !menu.hidden;
    return;
  }
  const overflowItem = target.closest<HTMLElement>('.bk-overflow li[data-value]');
  if (overflowItem) {
    const overflow = overflowItem.closest<HTMLElement>('.bk-overflow');
    overflowItem.parentElement?.setAttribute('hidden', '');
    if (overflow) void dispatch(overflow, { ...inputOf(overflow), value: overflowItem.dataset.value ?? '' });
    return;
  }

  const suggestion = target.closest<HTMLElement>('.bk-external-options li[data-value]');
  if (suggestion) {
    const external = suggestion.closest<HTMLElement>('.bk-external');
    if (!external) return;
    external.dataset.value = suggestion.dataset.value ?? '';
    external.dataset.text = suggestion.dataset.text ?? '';
    const field = external.querySelector<HTMLInputElement>('.bk-external-input');
    if (field) field.value = external.dataset.text;
    closeSuggestions(external);
    if (dispatches(external)) void dispatch(external, inputOf(external));
    return;
  }

  if (target.closest('.modal-x, .modal-close')) {
    const modal = target.closest<HTMLElement>('.modal');
    if (modal?.dataset.viewId) void post('close', { as: current.as, viewId: modal.dataset.viewId }).then(refresh);
    return;
  }
  const submit = target.closest<HTMLButtonElement>('.modal-submit');
  if (submit) {
    const modal = submit.closest<HTMLElement>('.modal');
    if (!modal?.dataset.viewId || submit.disabled) return;
    submit.disabled = true;
    submit.classList.add('busy');
    void post('submit', { as: current.as, viewId: modal.dataset.viewId, inputs: inputsOf(modal) })
      .then(() => {
        // The same view may come back (errors under fields): draw it again.
        current.modalKey = '';
        return refresh();
      })
      .finally(() => {
        submit.disabled = false;
        submit.classList.remove('busy');
      });
    return;
  }

  if (target.closest('#reset')) {
    void confirmText(
      'Reset the demo?',
      'Every change made in the playground is deleted and the demo workspace is seeded again.',
      'Reset demo',
    ).then(async (yes) => {
      if (!yes) return;
      byId('reset').classList.add('busy');
      await post('reset', {});
      byId('reset').classList.remove('busy');
      current.homeKey = '';
      await refresh();
    });
  }
});

document.addEventListener('change', (event) => {
  const target = event.target as HTMLElement;
  if (target.id === 'person') {
    current.as = (target as HTMLSelectElement).value;
    localStorage.setItem('playground.as', current.as);
    current.sidebarKey = '';
    current.homeKey = '';
    if (current.at === 'home') void post('home', { as: current.as }).then(refresh);
    void refresh();
    return;
  }
  const element = target.closest<HTMLElement>('[data-kind]');
  if (!element || element.dataset.kind === 'external_select') return;
  if (dispatches(element)) void dispatch(element, inputOf(element));
});

// ---- external selects: the app's suggestions as one types

const timers = new WeakMap<HTMLElement, number>();

function closeSuggestions(external: HTMLElement): void {
  const list = external.querySelector<HTMLElement>('.bk-external-options');
  if (list) list.hidden = true;
  external.querySelector('.bk-external-input')?.setAttribute('aria-expanded', 'false');
}

async function loadSuggestions(external: HTMLElement, query: string): Promise<void> {
  const surface = surfaceOf(external);
  if (!surface) return;
  const answer = await post<{ ok: boolean; options?: { text: string; value: string; description?: string }[] }>(
    'suggest',
    { as: current.as, surface, blockId: external.dataset.block, actionId: external.dataset.action, value: query },
  );
  const list = external.querySelector<HTMLElement>('.bk-external-options');
  if (!list) return;
  const options = answer.options ?? [];
  list.replaceChildren(
    ...(options.length
      ? options.map((option) => {
          const item = document.createElement('li');
          item.setAttribute('role', 'option');
          item.dataset.value = option.value;
          item.dataset.text = option.text;
          item.textContent = option.text;
          if (option.description) {
            const small = document.createElement('small');
            small.textContent = option.description;
            item.append(small);
          }
          return item;
        })
      : [Object.assign(document.createElement('li'), { className: 'no-results', textContent: 'No results' })]),
  );
  list.hidden = false;
  external.querySelector('.bk-external-input')?.setAttribute('aria-expanded', 'true');
}

document.addEventListener('input', (event) => {
  const target = event.target as HTMLElement;
  if (target.id === 'message-box') return void showUsageHint((target as HTMLTextAreaElement).value);
  if (!target.classList.contains('bk-external-input')) return;
  const external = target.closest<HTMLElement>('.bk-external');
  if (!external) return;
  // Typing replaces the choice until a suggestion is picked.
  external.dataset.value = '';
  external.dataset.text = '';
  const query = (target as HTMLInputElement).value;
  window.clearTimeout(timers.get(external));
  if (query.length < Number(external.dataset.min ?? '3')) return closeSuggestions(external);
  timers.set(
    external,
    window.setTimeout(() => void loadSuggestions(external, query), 200),
  );
});

// ---- the message box: commands, with the usage hint as one types

let hintRequest = 0;

async function showUsageHint(text: string): Promise<void> {
  const box = byId('usage-hint');
  const request = ++hintRequest;
  if (!text.startsWith('/')) {
    box.hidden = true;
    return;
  }
  const response = await fetch(`/play/usage?${new URLSearchParams({ text }).toString()}`);
  const { hint } = (await response.json()) as { hint: { command: string; description: string; usage: string } | null };
  if (request !== hintRequest) return;
  if (!hint) {
    box.hidden = true;
    return;
  }
  byId('usage-command').textContent = hint.command;
  byId('usage-description').textContent = hint.description;
  byId('usage-line').textContent = hint.usage;
  box.hidden = false;
}

async function send(): Promise<void> {
  const box = byId<HTMLTextAreaElement>('message-box');
  const text = box.value.trim();
  if (text === '') return;
  const channelId = current.at === 'messages' ? `D${current.as.slice(1)}` : current.at;
  box.value = '';
  byId('usage-hint').hidden = true;
  // What one sends, and the answer, are shown.
  followLatest = true;
  const command = /^\/opp(\s|$)/i.exec(text);
  if (command) {
    await post('command', { as: current.as, channelId, text: text.slice(command[0].length).trim() });
  } else {
    await post('say', { as: current.as, channelId, text });
  }
  await refresh();
}

byId('message-box').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    void send();
  }
});
byId('send').addEventListener('click', () => void send());

// ---- start

const events = new EventSource('/play/events');
events.onmessage = () => void refresh();
if (current.at === 'home') void post('home', { as: current.as }).then(refresh);
void refresh();
