import { creditCodeProblem, CREDIT_CODE_PROBLEM_TEXT } from '@mashang/shared';
import { registerDecorator } from 'class-validator';
/** class-validator face of the one credit-code rule in @mashang/shared. */
export function IsCreditCode(options) {
    return (target, propertyName) => registerDecorator({
        name: 'isCreditCode',
        target: target.constructor,
        propertyName: propertyName,
        options,
        validator: {
            validate: (value) => typeof value === 'string' && creditCodeProblem(value) === null,
            defaultMessage: (args) => {
                const problem = typeof args?.value === 'string' ? creditCodeProblem(args.value) : 'empty';
                return CREDIT_CODE_PROBLEM_TEXT[problem ?? 'check-digit'];
            },
        },
    });
}
