import { seedTwoAgencies } from './support/fixtures.js';
import { SMALL_DATASET } from './support/dataset.js';
import { call, login, startTestApp } from './support/test-app.js';
const ndjson = (records) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
describe('exchange over HTTP: uploads imported by a Bull job', () => {
    let t;
    let supervisor;
    beforeAll(async () => {
        t = await startTestApp('exchange_http');
        await seedTwoAgencies(t.dataSource);
        supervisor = await login(t.app, 'supervisor');
    });
    afterAll(() => t.close());
    async function importFiles(files) {
        const created = await call(t.app, 'POST', '/api/exchange/imports', { token: supervisor });
        expect(created.status).toBe(201);
        for (const [kind, records] of Object.entries(files)) {
            const upload = await call(t.app, 'PUT', `/api/exchange/imports/${created.body.id}/files/${kind}`, { token: supervisor, body: ndjson(records), headers: { 'content-type': 'application/x-ndjson' } });
            expect(upload.status).toBe(200);
        }
        const started = await call(t.app, 'POST', `/api/exchange/imports/${created.body.id}/run`, { token: supervisor });
        expect(started.status).toBe(202);
        // Starting twice queues one job: the import id is the job id.
        expect((await call(t.app, 'POST', `/api/exchange/imports/${created.body.id}/run`, { token: supervisor })).status).toBe(202);
        for (let i = 0; i < 100; i++) {
            const status = await call(t.app, 'GET', `/api/exchange/imports/${created.body.id}`, { token: supervisor });
            if (status.body.state === 'completed' || status.body.state === 'failed')
                return status.body;
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        throw new Error('import job did not finish');
    }
    it('imports uploaded files and reports progress and counts', async () => {
        const status = await importFiles({ enterprises: SMALL_DATASET.enterprises, inspections: SMALL_DATASET.inspections.slice(2) });
        expect(status.state).toBe('completed');
        expect(status.result).toMatchObject({ ok: true, counts: { enterprises: 2, inspections: 1 } });
        expect(status.progress.percent).toBe(100);
        const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM inspections');
        expect(Number(n)).toBe(1);
    });
    it('reports the problems of a bad upload and imports none of it', async () => {
        const status = await importFiles({ inspections: [{ ...SMALL_DATASET.inspections[2], id: 'X7', finishedAt: '2026-04-02T23:00:00Z' }, { ...SMALL_DATASET.inspections[2], id: 'X8' }] });
        expect(status.result).toMatchObject({ ok: false, problemCount: 1, problems: [{ file: 'inspections.jsonl', line: 1, field: 'finishedAt' }] });
        const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM inspections');
        expect(Number(n)).toBe(1);
    });
    it('streams an export file, and keeps the exchange to supervisors', async () => {
        const answer = await t.app.inject({ method: 'GET', url: '/api/exchange/export/enterprises', headers: { authorization: `Bearer ${supervisor}` } });
        expect(answer.statusCode).toBe(200);
        expect(answer.body.trim().split('\n').map((l) => JSON.parse(l).creditCode)).toEqual(['91110000802100433B', '91440300708461136T']);
        const admin = await login(t.app, 'admin1');
        expect((await call(t.app, 'GET', '/api/exchange/export/enterprises', { token: admin })).status).toBe(403);
        expect((await call(t.app, 'POST', '/api/exchange/imports', { token: admin })).status).toBe(403);
        expect((await call(t.app, 'GET', '/api/exchange/export/secrets', { token: supervisor })).status).toBe(404);
    });
});
