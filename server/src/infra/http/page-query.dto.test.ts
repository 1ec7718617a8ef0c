import 'reflect-metadata';
import { createValidationPipe } from '../errors/validation.js';
import { DomainError } from '../errors/domain-error.js';
import { PAGE_MAX, PageQueryDto } from './page-query.dto.js';

const query = (value: Record<string, unknown>) => createValidationPipe().transform(value, { type: 'query', metatype: PageQueryDto, data: undefined });

async function refusedFields(value: Record<string, unknown>): Promise<string[]> {
  try {
    await query(value);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return [...new Set(((error as DomainError).fields ?? []).map((f) => f.field))];
  }
}

describe('PageQueryDto', () => {
  it('reads page and pageSize from the query string, 1 and 20 when absent', async () => {
    expect(await query({})).toEqual({ page: 1, pageSize: 20 });
    expect(await query({ page: String(PAGE_MAX), pageSize: '100' })).toEqual({ page: PAGE_MAX, pageSize: 100 });
  });

  it('refuses pages no list has, which would reach the database as OFFSET 2e+21', async () => {
    for (const page of ['99999999999999999999', '1e21', String(PAGE_MAX + 1), '0', '-1', 'NaN', '1.5', '']) {
      expect([page, await refusedFields({ page })]).toEqual([page, ['page']]);
    }
    expect(await refusedFields({ page: ['1', '2'] })).toEqual(['page']);
    expect(await refusedFields({ pageSize: '101' })).toEqual(['pageSize']);
  });
});
