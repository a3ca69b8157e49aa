import { PGlite } from '@electric-sql/pglite';
const rss = () => Math.round(process.memoryUsage().rss / 1e6);
const dir = process.argv[2];
const params = process.argv[3] ? JSON.parse(process.argv[3]) : {};
let t = Date.now();
const db = await PGlite.create({ dataDir: dir, ...params });
console.log('create', Date.now() - t, 'ms; rss', rss());
await db.query('select 1');
await db.close();
