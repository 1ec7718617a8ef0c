import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { ErrorCode, type FieldError } from '@mashang/shared';
import { DomainError } from './domain-error.js';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

type RuleStorage = ReturnType<typeof getMetadataStorage> & { rulesKept?: true };

/**
 * class-validator looks up a class's rules on every validation, scanning every class with rules in the
 * program for inherited ones: a third of the check-in's validation time, with some forty DTOs. Rules
 * change only when a class is declared, so each lookup is kept until a rule is added.
 */
function keepRuleLookups(): void {
  const storage = getMetadataStorage() as RuleStorage;
  if (storage.rulesKept) return;
  storage.rulesKept = true;
  let kept = new WeakMap<object, Map<string, ReturnType<RuleStorage['getTargetValidationMetadatas']>>>();
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    kept = new WeakMap();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    let ofTarget = kept.get(target);
    if (!ofTarget) kept.set(target, (ofTarget = new Map()));
    const key = `${schema}|${always}|${strictGroups}|${groups?.join(',') ?? ''}`;
    let rules = ofTarget.get(key);
    if (!rules) ofTarget.set(key, (rules = lookUp(target, schema, always, strictGroups, groups)));
    return rules;
  };
}

/** Whitelisting validation: unknown fields are refused, each problem named by field. */
export function createValidationPipe(): ValidationPipe {
  keepRuleLookups();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new DomainError(
        ErrorCode.ValidationFailed,
        `输入有误：${fields.map((f) => `${f.field} ${f.reason}`).join('；')}`,
        fields,
      );
    },
  });
}
