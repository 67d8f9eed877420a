// Helper of scripts/count-storage-requests.sh (run that, not this): three sub-commands, no dependencies.
//   graph PORT                 a fake Graph API: answers every POST .../messages with a new wamid, counts what it got
//   send URL SECRET N RUN      posts N signed webhooks, each a first-time customer's "Hi! Are you open today?"
//   count LOG FROM TO          counts Azurite's requests in its --debug LOG between two ISO times, by kind
import http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs';

const [command, ...args] = process.argv.slice(2);

if (command === 'graph') {
  // Counts by kind; GET /count answers {"read":n,"text":n,"interactive":n,...,"total":n}.
  const counts = { total: 0 };
  let next = 0;
  http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/count') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(counts));
      return;
    }
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      let kind = 'other';
      try {
        const json = JSON.parse(body);
        kind = json.status === 'read' ? 'read' : (json.type ?? 'other');
      } catch { /* counted as other */ }
      counts[kind] = (counts[kind] ?? 0) + 1;
      counts.total++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(kind === 'read'
        ? '{"success":true}'
        : JSON.stringify({ messaging_product: 'whatsapp', contacts: [], messages: [{ id: `wamid.FAKE_OUT_${++next}` }] }));
    });
  }).listen(Number(args[0]), '127.0.0.1');
} else if (command === 'send') {
  const [url, secret, n, run] = args;
  const started = Math.floor(Date.now() / 1000);
  let failed = 0;
  const one = async (i) => {
    const customer = `1555${String(run).padStart(3, '0').slice(-3)}${String(i).padStart(5, '0')}`;
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{
        id: '100000000000001',
        changes: [{
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '15550100001', phone_number_id: '200000000000001' },
            contacts: [{ profile: { name: `Customer ${i}` }, wa_id: customer }],
            messages: [{ from: customer, id: `wamid.COUNT_${run}_${i}`, timestamp: String(started), type: 'text', text: { body: 'Hi! Are you open today?' } }],
          },
        }],
      }],
    });
    const signature = 'sha256=' + crypto.createHmac('sha256', secret).update(body).digest('hex');
    const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature } });
    if (response.status !== 200) failed++;
  };
  // Eight at a time, like Meta's parallel deliveries; order does not matter here.
  const total = Number(n);
  let i = 0;
  await Promise.all(Array.from({ length: 8 }, async () => { while (i < total) await one(i++); }));
  if (failed > 0) {
    console.error(`${failed} webhook(s) were not accepted`);
    process.exit(1);
  }
} else if (command === 'count') {
  const [log, from, to] = args;
  const kinds = {};
  const pattern = /^(\S+) \S+ info: (Queue|Table|Blob)StorageContextMiddleware: RequestMethod=(\w+) RequestURL=(\S+) RequestHeaders:(\{.*\}) ClientIP/;
  for (const line of fs.readFileSync(log, 'utf8').split('\n')) {
    const m = pattern.exec(line);
    if (!m || m[1] < from || m[1] >= to) continue;
    const kind = describe(m[2], m[3], new URL(m[4]), JSON.parse(m[5]));
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  console.log(JSON.stringify(kinds));
} else {
  console.error('usage: count-storage-requests.mjs graph PORT | send URL SECRET N RUN | count LOG FROM TO');
  process.exit(2);
}

/** "queue webhook-inbox: receive", "table HandledMessages: insert", … */
function describe(service, method, url, headers) {
  const path = decodeURIComponent(url.pathname).split('/').filter(Boolean).slice(1);
  if (service === 'Queue') {
    const queue = path[0] ?? '(account)';
    const op = path.length === 1 ? `${method} queue`
      : path.length === 2 ? ({ GET: 'receive', POST: 'enqueue', DELETE: 'clear' }[method] ?? method)
      : ({ DELETE: 'delete', PUT: 'update visibility' }[method] ?? method);
    return `queue ${queue}: ${op}`;
  }
  if (service === 'Blob') return `blob ${path[0] ?? '(account)'}: ${method}`;
  const target = path[0] ?? '(account)';
  if (target === '$batch') return 'table (batch): transaction';
  const table = target.replace(/\(.*$/, '');
  const point = /\(PartitionKey=/.test(target);
  const conditional = headers['if-match'] && headers['if-match'] !== '*';
  const op = method === 'GET' ? (point ? 'read' : 'query')
    : method === 'POST' ? (table === 'Tables' ? 'create table' : 'insert')
    : method === 'PUT' ? (conditional ? 'replace (ETag)' : 'upsert')
    : method === 'MERGE' || method === 'PATCH' ? (conditional ? 'merge (ETag)' : 'merge')
    : method;
  return `table ${table}: ${op}`;
}
