import { creditCodeProblem, CREDIT_CODE_PROBLEM_TEXT } from '@mashang/shared';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** class-validator face of the one credit-code rule in @mashang/shared. */
export function IsCreditCode(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCreditCode',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && creditCodeProblem(value) === null,
        defaultMessage: (args) => {
          const problem = typeof args?.value === 'string' ? creditCodeProblem(args.value) : 'empty';
          return CREDIT_CODE_PROBLEM_TEXT[problem ?? 'check-digit'];
        },
      },
    });
}
