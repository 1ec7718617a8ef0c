import 'reflect-metadata';
import { IsInt, IsString, Min, getMetadataStorage } from 'class-validator';
import { createValidationPipe } from './validation.js';
import { DomainError } from './domain-error.js';

class Visit {
  @IsString() officer: string;
}

class JointVisit extends Visit {
  @IsInt() officers: number;
}

const body = (metatype: new () => object) => ({ type: 'body' as const, metatype, data: undefined });

async function refusal(run: Promise<unknown>): Promise<string[]> {
  try {
    await run;
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return ((error as DomainError).fields ?? []).map((f) => f.field);
  }
}

describe('createValidationPipe', () => {
  const pipe = createValidationPipe();

  it('refuses unknown fields and wrong types, naming each, including inherited rules', async () => {
    expect(await refusal(pipe.transform({ officer: 'O1', officers: 2 }, body(JointVisit)))).toEqual([]);
    expect(await refusal(pipe.transform({ officer: 7, officers: 'two', extra: 1 }, body(JointVisit)))).toEqual(['extra', 'officers', 'officer']);
  });

  it('keeps each class rule lookup, and drops what it kept when a rule is added', async () => {
    const storage = getMetadataStorage();
    await pipe.transform({ officer: 'O1', officers: 1 }, body(JointVisit));
    const first = storage.getTargetValidationMetadatas(JointVisit, '', false, false, undefined);
    expect(storage.getTargetValidationMetadatas(JointVisit, '', false, false, undefined)).toBe(first);

    // A rule declared later, on the parent class, holds for the child from then on.
    Min(2)(JointVisit.prototype, 'officers');
    expect(await refusal(pipe.transform({ officer: 'O1', officers: 1 }, body(JointVisit)))).toEqual(['officers']);
    expect(storage.getTargetValidationMetadatas(JointVisit, '', false, false, undefined)).not.toBe(first);
  });
});
