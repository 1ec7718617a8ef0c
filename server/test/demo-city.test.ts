import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CITY_SIZES, DEMO_LOGINS, generateDemoCity, loadDemoCity } from '../src/modules/demo/index.js';
import { verifyPassword } from '../src/modules/auth/password.js';
import { migratedDataSource, testPhoneCipher } from './support/test-app.js';

describe('demo city', () => {
  it('is deterministic for a seed', async () => {
    const a = mkdtempSync(join(tmpdir(), 'demo-a-'));
    const b = mkdtempSync(join(tmpdir(), 'demo-b-'));
    const options = { ...DEMO_CITY_SIZES.tiny, asOf: '2026-11-20' };
    await generateDemoCity(a, options);
    await generateDemoCity(b, options);
    for (const file of ['enterprises.jsonl', 'inspections.jsonl', 'ratings.jsonl']) {
      expect(readFileSync(join(a, file), 'utf8')).toBe(readFileSync(join(b, file), 'utf8'));
    }
  });

  it('loads through the import path: every line valid, joint inspections, cases, ratings and the demo logins', async () => {
    const dataSource = await migratedDataSource('demo_city');
    try {
      const result = await loadDemoCity(dataSource, testPhoneCipher(), { size: 'tiny', asOf: '2026-11-20' });
      expect(result.ok).toBe(true);
      expect(result.counts.inspections).toBe(DEMO_CITY_SIZES.tiny.inspections);
      expect(result.counts.cases).toBeGreaterThan(0);
      expect(result.counts.ratings).toBeGreaterThan(0);
      const [joint] = await dataSource.query('SELECT COUNT(DISTINCT joint_id) AS joints, COUNT(*) AS records FROM inspections WHERE joint_id IS NOT NULL');
      expect(Number(joint.joints)).toBeGreaterThan(10);
      const [{ latest }] = await dataSource.query('SELECT MAX(started_at) AS latest FROM inspections');
      expect(new Date(latest).getTime()).toBeLessThan(Date.parse('2026-11-20T16:00:00Z'));
      const users: { username: string; password_hash: string; officer_id: string | null }[] = await dataSource.query('SELECT username, password_hash, officer_id FROM users ORDER BY id');
      expect(users.map((u) => u.username)).toEqual(DEMO_LOGINS.map((l) => l.username));
      expect(await verifyPassword('demo1234', users[0].password_hash)).toBe(true);
      const officerIds = users.map((u) => u.officer_id).filter(Boolean);
      const found = await dataSource.query('SELECT id FROM officers WHERE id IN (?)', [officerIds]);
      expect(found).toHaveLength(officerIds.length);
      // Every clause the demo cases cite has its benchmark, each with its first version on its history chain.
      const unbenchmarked = await dataSource.query('SELECT DISTINCT cause FROM cases WHERE cause NOT IN (SELECT clause FROM discretion_benchmarks)');
      expect(unbenchmarked).toEqual([]);
      const [{ n: benchmarks }] = await dataSource.query('SELECT COUNT(*) AS n FROM discretion_benchmarks');
      const [{ n: versions }] = await dataSource.query("SELECT COUNT(*) AS n FROM inspection_trail WHERE inspection_id LIKE 'benchmark:%' AND kind = 'benchmark-changed' AND seq = 1");
      expect(Number(versions)).toBe(Number(benchmarks));
      expect(Number(benchmarks)).toBeGreaterThan(30);
      // Every item carries the booklet's guidance (一企一册), and every enterprise's industry has items.
      const [{ n: bare }] = await dataSource.query("SELECT COUNT(*) AS n FROM items WHERE industries = '' OR common_violations = '' OR compliance_guide = ''");
      expect(Number(bare)).toBe(0);
      const industries: { industry: string }[] = await dataSource.query('SELECT DISTINCT industry FROM enterprises');
      for (const { industry } of industries) {
        const [{ n }] = await dataSource.query('SELECT COUNT(*) AS n FROM items WHERE industries LIKE ?', [`%${industry}%`]);
        expect([industry, Number(n) > 0]).toEqual([industry, true]);
      }
    } finally {
      await dataSource.destroy();
    }
  });
});
