import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { AppError, ErrorCode, isReasonCode } from './app-error.js';

/** class-validator constraint → the reason code a form words (a DTO may name its own: `{ message: 'INVALID_PHONE' }`). */
const CONSTRAINT_REASONS: Record<string, string> = {
  isNotEmpty: 'REQUIRED',
  isDefined: 'REQUIRED',
  isEmail: 'INVALID_EMAIL',
  isUuid: 'INVALID_ID',
  isInt: 'NOT_AN_INTEGER',
  isNumber: 'NOT_A_NUMBER',
  isBoolean: 'NOT_A_BOOLEAN',
  isString: 'NOT_A_STRING',
  isDate: 'INVALID_DATE',
  isDateString: 'INVALID_DATE',
  isIso8601: 'INVALID_DATE',
  isEnum: 'UNKNOWN_VALUE',
  isIn: 'UNKNOWN_VALUE',
  min: 'TOO_SMALL',
  max: 'TOO_LARGE',
  minLength: 'TOO_SHORT',
  maxLength: 'TOO_LONG',
  isLength: 'WRONG_LENGTH',
  arrayMinSize: 'TOO_FEW',
  arrayMaxSize: 'TOO_MANY',
  arrayUnique: 'DUPLICATE',
  matches: 'INVALID_FORMAT',
  isUrl: 'INVALID_URL',
  whitelistValidation: 'UNKNOWN_FIELD',
  nestedValidation: 'INVALID_VALUE',
};

const toSnake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/** The constraint's arguments (e.g. `{ max: 50 }`), read from class-validator's metadata. */
function constraintParams(target: object | undefined, property: string, constraint: string): Record<string, unknown> | undefined {
  if (!target) return undefined;
  const metas = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  const meta = metas.find((m) => m.propertyName === property && (m.name ?? m.type) === constraint);
  const args = meta?.constraints?.filter((c) => typeof c === 'number' || typeof c === 'string');
  if (!args?.length) return undefined;
  if (constraint === 'isLength' || constraint === 'length') return { min: args[0], max: args[1] };
  return { limit: args[0] };
}

interface Collected {
  fields: Record<string, string>;
  params: Record<string, Record<string, unknown>>;
}

function collect(errors: ValidationError[], prefix = '', out: Collected = { fields: {}, params: {} }): Collected {
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const [constraint, message] = Object.entries(e.constraints ?? {})[0] ?? [];
    if (constraint) {
      out.fields[path] = isReasonCode(message) ? message! : (CONSTRAINT_REASONS[constraint] ?? toSnake(constraint));
      const params = constraintParams(e.target, e.property, constraint);
      if (params) out.params[path] = params;
    }
    if (e.children?.length) collect(e.children, path, out);
  }
  return out;
}

/**
 * class-validator failures become BAD_USER_INPUT with `extensions.fields` (field → reason code such
 * as REQUIRED, TOO_LONG, INVALID_PHONE) and `extensions.params.fields` (field → the limits to word).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => {
      const { fields, params } = collect(errors);
      // Input classes are wrapped in an `input` argument; report the field names the form knows.
      const strip = (k: string) => k.replace(/^input\./, '');
      const flat = Object.fromEntries(Object.entries(fields).map(([k, v]) => [strip(k), v]));
      const flatParams = Object.fromEntries(Object.entries(params).map(([k, v]) => [strip(k), v]));
      return new AppError(ErrorCode.BAD_USER_INPUT, `Invalid input: ${Object.entries(flat).map(([k, v]) => `${k} ${v}`).join('; ')}`, {
        reason: 'INVALID_INPUT',
        params: { fields: flatParams },
        fields: flat,
      });
    },
  });
}
