import 'reflect-metadata';
import { IsBoolean, IsOptional, IsString, Matches, ValidateIf } from 'class-validator';
import { DomainError } from '../errors/domain-error.js';
import { createValidationPipe } from '../errors/validation.js';
import { IsOmittable } from './is-omittable.js';
import { PartialEdit, sentFields } from './partial-edit.js';

class Shop {
  @IsString() name: string;
  @IsOptional() @ValidateIf((_, value) => value !== null) @Matches(/^\d+$/) phone?: string | null;
  @IsOmittable() @IsBoolean() open?: boolean;
}
class ShopEdit extends PartialEdit(Shop) {}
/** An edit DTO declaring a field of its own, as edits that may change more than creation sets do. */
class ShopEditWithClosing extends PartialEdit(Shop) {
  @IsOmittable() @IsBoolean() closed?: boolean;
}

async function refused(value: Record<string, unknown>): Promise<string[]> {
  try {
    await createValidationPipe().transform(value, { type: 'body', metatype: ShopEdit, data: undefined });
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return [...new Set(((error as DomainError).fields ?? []).map((f) => f.field))];
  }
}

describe('PartialEdit and IsOmittable', () => {
  it('lets an edit leave any field out', async () => {
    expect(await refused({})).toEqual([]);
    expect(await refused({ name: '老王烩面馆', open: true })).toEqual([]);
  });

  it('refuses null where the field may not be empty, and keeps it where it may', async () => {
    expect(await refused({ name: null, open: null })).toEqual(['name', 'open']);
    expect(await refused({ phone: null })).toEqual([]);
    expect(await refused({ phone: 'x' })).toEqual(['phone']);
  });
});

describe('sentFields', () => {
  it('keeps only what an edit sent, though a field declared on the DTO is on every instance', async () => {
    const edit = (await createValidationPipe().transform({ name: '老王烩面馆' }, { type: 'body', metatype: ShopEditWithClosing, data: undefined })) as ShopEditWithClosing;
    // Spread as it is, the edit would blank `closed` on the stored row.
    expect({ closed: false, ...edit }.closed).toBeUndefined();
    expect({ closed: false, ...sentFields(edit) }).toEqual({ closed: false, name: '老王烩面馆' });
    expect(sentFields({ phone: null, open: undefined })).toEqual({ phone: null });
  });
});
