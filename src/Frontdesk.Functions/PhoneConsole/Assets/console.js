// Frontdesk phone console. Plain script, no dependencies. Everything that comes from the tables is put on the page
// with textContent or setAttribute, never as HTML, so a rule reply can only ever be text.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const prefix = document.body.dataset.prefix || '999';
  const params = new URLSearchParams(location.search);

  // The Function key: given once as ?code=, kept for this tab only, sent as x-functions-key, and taken out of the
  // address bar (and so out of history, screenshots and referrers).
  if (params.has('code')) {
    sessionStorage.setItem('frontdesk.key', params.get('code'));
    params.delete('code');
    const rest = params.toString();
    history.replaceState(null, '', location.pathname + (rest ? '?' + rest : '') + location.hash);
  }

  const phoneNumberId = /^[0-9]+$/.test(params.get('phoneNumberId') || '') ? params.get('phoneNumberId') : document.body.dataset.phoneNumberId;
  const state = {
    waId: sessionStorage.getItem('frontdesk.waId') || newWaId(),
    name: sessionStorage.getItem('frontdesk.name') || 'Alex',
    last: '',
    selected: null,
    conversation: null,
  };
  sessionStorage.setItem('frontdesk.waId', state.waId);

  function newWaId() {
    const digits = new Uint8Array(9);
    crypto.getRandomValues(digits);
    return prefix + Array.from(digits, (d) => String(d % 10)).join('');
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  async function api(path, init) {
    const headers = { 'x-functions-key': sessionStorage.getItem('frontdesk.key') || '' };
    if (init && init.body) headers['content-type'] = 'application/json';
    const response = await fetch(path, Object.assign({ cache: 'no-store' }, init, { headers }));
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = null; }
    if (!response.ok) {
      const hint = response.status === 401 ? ' Open the console with ?code=<function key>.' : '';
      throw new Error(((json && (json.detail || json.title)) || ('HTTP ' + response.status)) + hint);
    }
    return json;
  }

  function status(text) { $('status').textContent = text || ''; }

  // WhatsApp formatting: ```block```, `code`, *bold*, _italic_, ~strike~. Markers must hug their text, as on a phone.
  function formatted(text, className) {
    const container = el('p', className || 'text');
    const parts = String(text || '').split('```');
    parts.forEach((part, i) => {
      if (i % 2 === 1 && i < parts.length - 1) {
        container.append(el('code', 'block', part));
      } else {
        container.append(...inline(i % 2 === 1 ? '```' + part : part));
      }
    });
    return container;
  }

  function inline(text) {
    const nodes = [];
    const pattern = /`([^`\n]+)`|\*([^*\n]+)\*|_([^_\n]+)_|~([^~\n]+)~/g;
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      const inner = match[1] ?? match[2] ?? match[3] ?? match[4];
      const before = match.index > 0 ? text[match.index - 1] : '';
      if (inner.trim() !== inner || /[\p{L}\p{N}]/u.test(before)) continue;
      if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
      const tag = match[1] !== undefined ? 'code' : match[2] !== undefined ? 'strong' : match[3] !== undefined ? 'em' : 's';
      const node = el(tag);
      if (tag === 'code') node.textContent = inner; else node.append(...inline(inner));
      nodes.push(node);
      last = match.index + match[0].length;
    }
    if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
    return nodes;
  }

  function time(iso) {
    const date = new Date(iso);
    return isNaN(date) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function dateTime(iso) {
    const date = new Date(iso);
    return isNaN(date) ? '' : date.toLocaleString([], { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  }

  // ---- sending ----

  async function send(payload) {
    const body = Object.assign({ phoneNumberId, waId: state.waId, name: state.name }, payload);
    try {
      status('Sending…');
      const sent = await api('console/send', { method: 'POST', body: JSON.stringify(body) });
      state.selected = sent.id;
      status('');
      await refresh();
    } catch (error) {
      status('Not sent: ' + error.message);
    }
  }

  function sendReply(kind, id, title, description) {
    return send({ reply: { kind, id, title, description: description || undefined } });
  }

  function sendOrder(catalogId, product) {
    return send({ order: { catalogId, items: [{ productRetailerId: product.id, quantity: 1, itemPrice: product.itemPrice, currency: product.currency }] } });
  }

  // ---- drawing the chat ----

  function bubble(m) {
    const article = el('article', 'bubble ' + (m.direction === 'in' ? 'in' : 'out'));
    article.dataset.id = m.id;
    const target = m.direction === 'in' ? m.id : m.inReplyTo;
    if (target) {
      article.classList.toggle(m.direction === 'in' ? 'selected' : 'answers-selected', target === state.selected);
      article.addEventListener('click', (event) => {
        if (event.target.closest('button')) return;
        state.selected = target;
        draw(state.conversation);
      });
    }
    if (m.header) article.append(el('p', 'header', m.header));
    switch (m.type) {
      case 'buttons':
        article.append(formatted(m.text));
        if (m.footer) article.append(el('p', 'footer', m.footer));
        article.append(buttonRow(m));
        break;
      case 'list':
        article.append(formatted(m.text));
        if (m.footer) article.append(el('p', 'footer', m.footer));
        article.append(listOpener(m));
        break;
      case 'product':
      case 'product_list':
        if (m.text) article.append(formatted(m.text));
        (m.sections || []).forEach((section) => {
          if (section.title) article.append(el('p', 'section-title', section.title));
          (section.products || []).forEach((product) => article.append(productCard(product, m.catalogId)));
        });
        if (m.footer) article.append(el('p', 'footer', m.footer));
        break;
      case 'order':
        article.append(orderSummary(m));
        break;
      case 'template':
        article.append(templateCard(m.template));
        break;
      default:
        article.append(formatted(m.text));
    }
    const meta = el('p', 'meta');
    meta.append(el('time', '', time(m.at)));
    if (m.direction === 'in') {
      const ticks = el('span', m.read ? 'ticks read' : 'ticks', m.read ? '✓✓' : '✓');
      ticks.setAttribute('role', 'img');
      ticks.setAttribute('aria-label', m.read ? 'Read' : 'Sent');
      meta.append(ticks);
    }
    article.append(meta);
    return article;
  }

  function buttonRow(m) {
    const row = el('div', 'reply-buttons');
    (m.buttons || []).forEach((b) => {
      const button = el('button', 'reply', b.title);
      button.type = 'button';
      button.addEventListener('click', () => sendReply('button', b.id, b.title));
      row.append(button);
    });
    return row;
  }

  function listOpener(m) {
    const button = el('button', 'reply list-open', m.listButton || 'Options');
    button.type = 'button';
    button.addEventListener('click', () => openSheet(m));
    return button;
  }

  function openSheet(m) {
    $('sheet-title').textContent = m.listButton || 'Options';
    const body = $('sheet-body');
    body.replaceChildren();
    (m.sections || []).forEach((section, s) => {
      if (section.title) body.append(el('h3', 'section-title', section.title));
      (section.rows || []).forEach((row, r) => {
        const button = el('button', 'row');
        button.type = 'button';
        button.setAttribute('aria-label', row.title);
        button.append(el('span', 'row-title', row.title));
        if (row.description) {
          const description = el('span', 'row-description', row.description);
          description.id = 'row-' + s + '-' + r;
          button.setAttribute('aria-describedby', description.id);
          button.append(description);
        }
        button.addEventListener('click', () => {
          $('sheet').close();
          sendReply('list', row.id, row.title, row.description);
        });
        body.append(button);
      });
    });
    $('sheet').showModal();
  }

  function productCard(product, catalogId) {
    const card = el('div', 'product');
    if (!product.found) {
      card.append(el('p', 'product-title', 'Product ' + product.id + ' is not in the Catalogue table'));
      return card;
    }
    if (product.imageUrl && /^https:\/\//i.test(product.imageUrl)) {
      const image = el('img', 'product-image');
      image.alt = product.title;
      image.loading = 'lazy';
      image.referrerPolicy = 'no-referrer';
      // Offline or a dead link: a tile with the product's initial instead of a broken-image icon.
      image.addEventListener('error', () => image.replaceWith(el('div', 'product-image placeholder', product.title.slice(0, 1))));
      image.src = product.imageUrl;
      card.append(image);
    }
    const text = el('div', 'product-text');
    text.append(el('p', 'product-title', product.title));
    if (product.description) text.append(el('p', 'product-description', product.description));
    const price = el('p', 'product-price', product.price);
    price.append(el('span', product.inStock ? 'stock in' : 'stock out', product.inStock ? ' · In stock' : ' · Out of stock'));
    text.append(price);
    card.append(text);
    const order = el('button', 'reply order', 'Order');
    order.type = 'button';
    order.setAttribute('aria-label', 'Order ' + product.title);
    order.disabled = !product.inStock;
    order.addEventListener('click', () => sendOrder(catalogId, product));
    card.append(order);
    return card;
  }

  // Meta holds a template's approved text; the console shows which template went out and what fills its {{n}}.
  function templateCard(t) {
    const box = el('div', 'template');
    box.append(el('p', 'header', 'Template “' + t.name + '” · ' + t.language));
    if (t.headerImage && /^https:\/\//i.test(t.headerImage)) {
      const image = el('img', 'template-image');
      image.alt = 'Header image';
      image.referrerPolicy = 'no-referrer';
      image.addEventListener('error', () => image.remove());
      image.src = t.headerImage;
      box.append(image);
    }
    box.append(el('p', 'template-note', 'Meta sends its approved text, filled with:'));
    const list = el('ol', 'template-parameters');
    (t.parameters || []).forEach((value, i) => {
      const item = el('li');
      item.append(el('code', '', '{{' + (i + 1) + '}}'), document.createTextNode(' ' + value));
      list.append(item);
    });
    box.append(list);
    if (t.buttonUrlSuffix) box.append(el('p', 'template-note', 'URL button ends with: ' + t.buttonUrlSuffix));
    return box;
  }

  function orderSummary(m) {
    const box = el('div', 'order-summary');
    box.append(el('p', 'header', 'Order'));
    const list = el('ul');
    (m.sections || []).forEach((s) => (s.products || []).forEach((p) => {
      list.append(el('li', '', (p.quantity || 1) + ' × ' + (p.title || p.id) + ' — ' + (p.price || '')));
    }));
    box.append(list);
    if (m.text) box.append(formatted(m.text));
    return box;
  }

  // ---- the Why panel ----

  function drawWhy(c) {
    const inbound = c.messages.filter((m) => m.direction === 'in');
    const selected = inbound.find((m) => m.id === state.selected) || inbound[inbound.length - 1];
    const steps = $('steps');
    steps.replaceChildren();
    if (!selected) {
      $('selected').textContent = 'Send a message to see how Frontdesk decides.';
    } else {
      $('selected').textContent = 'For “' + (selected.text || selected.type) + '” at ' + time(selected.at) + ':';
      if (!selected.steps) steps.append(el('li', 'pending', 'Deciding…'));
      (selected.steps || []).forEach((step) => steps.append(el('li', '', step)));
    }

    const contact = $('contact');
    contact.replaceChildren();
    const row = (term, value) => { contact.append(el('dt', '', term), el('dd', '', value)); };
    const k = c.contact;
    if (!k.known) {
      row('Contact', 'New: no Contacts row yet');
    } else {
      row('Name', k.name || '—');
      row('Labels', k.labels.length ? k.labels.join(', ') : 'none');
      row('Opted out', k.optedOut ? 'Yes: no automatic replies until START' : 'No');
      row('Paused', k.paused ? 'Yes, until ' + dateTime(k.botPausedUntil) + ' (a person is answering)' : 'No');
      row('24-hour window', k.windowOpen ? 'Open until ' + dateTime(k.windowOpenUntil) : 'Closed: only templates may be sent');
    }

    const problems = $('problems');
    problems.replaceChildren();
    if (!c.problems.length) problems.append(el('li', 'ok', 'No problems in the tables.'));
    c.problems.forEach((p) => problems.append(el('li', '', p.table + ' ' + p.partitionKey + '/' + p.rowKey + ': ' + p.problem)));
  }

  function draw(c) {
    if (!c) return;
    const log = $('conversation');
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    log.replaceChildren(...c.messages.map(bubble));
    if (!c.messages.length) log.append(el('p', 'empty', 'Say hello: you are a test customer, and nothing you do here reaches WhatsApp.'));
    if (atBottom) log.scrollTop = log.scrollHeight;
    drawWhy(c);
  }

  async function refresh() {
    try {
      const c = await api('console/conversation?phoneNumberId=' + encodeURIComponent(phoneNumberId) + '&waId=' + encodeURIComponent(state.waId));
      const text = JSON.stringify(c) + '|' + state.selected;
      if (text !== state.last) {
        state.last = text;
        state.conversation = c;
        draw(c);
      }
      if ($('status').textContent.startsWith('Cannot reach')) status('');
    } catch (error) {
      status('Cannot reach the conversation: ' + error.message);
    }
  }

  // ---- time travel ----

  async function preview(event) {
    event.preventDefault();
    const text = $('message').value.trim();
    const out = $('preview');
    out.replaceChildren();
    if (!text) { out.append(el('p', 'hint', 'Type the message to preview in the message box first.')); return; }
    const at = new Date($('as-of').value);
    if (isNaN(at)) { out.append(el('p', 'hint', 'Choose a date and time.')); return; }
    try {
      const result = await api('explain', { method: 'POST', body: JSON.stringify({ phoneNumberId, from: state.waId, name: state.name, text, at: at.toISOString() }) });
      out.append(el('p', 'preview-title', 'Preview for ' + dateTime(result.at) + ' (' + (result.open ? 'open' : 'closed') + '), nothing sent:'));
      if (!result.replies.length) out.append(el('p', 'hint', 'No reply would be sent.'));
      result.replies.forEach((reply) => {
        const b = el('article', 'bubble out preview-bubble');
        b.append(formatted(reply.text || ('(' + reply.type + ')')));
        (reply.buttons || []).forEach((title) => b.append(el('p', 'preview-button', title)));
        b.append(el('p', 'meta', reply.kind + (reply.rule ? ' · ' + reply.rule : '')));
        out.append(b);
      });
      const steps = el('ol', 'steps');
      result.steps.forEach((s) => steps.append(el('li', '', s.step + ': ' + s.detail)));
      out.append(steps);
    } catch (error) {
      out.append(el('p', 'hint', 'Preview failed: ' + error.message));
    }
  }

  // ---- wiring ----

  function showCustomer() {
    $('wa-id').textContent = '+' + state.waId;
    $('name').value = state.name;
    $('business-number').textContent = 'Business number ' + phoneNumberId + ' · test contacts start with ' + prefix;
  }

  function theme(dark) {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    $('theme').setAttribute('aria-pressed', String(dark));
  }

  $('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('message').value.trim();
    if (!text) return;
    $('message').value = '';
    send({ text });
  });
  $('name').addEventListener('change', () => {
    state.name = $('name').value.trim() || 'Alex';
    sessionStorage.setItem('frontdesk.name', state.name);
  });
  $('new-customer').addEventListener('click', () => {
    state.waId = newWaId();
    state.selected = null;
    state.last = '';
    sessionStorage.setItem('frontdesk.waId', state.waId);
    $('preview').replaceChildren();
    showCustomer();
    refresh();
  });
  $('time-travel').addEventListener('submit', preview);
  $('sheet-close').addEventListener('click', () => $('sheet').close());
  $('theme').addEventListener('click', () => theme(document.documentElement.dataset.theme !== 'dark'));
  theme(window.matchMedia('(prefers-color-scheme: dark)').matches);

  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  $('as-of').value = now.toISOString().slice(0, 16);

  showCustomer();
  refresh();
  setInterval(refresh, 1000);
})();
