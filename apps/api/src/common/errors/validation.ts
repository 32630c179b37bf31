import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { badInput } from './app-error.js';

function collect(errors: ValidationError[], prefix = '', out: Record<string, string> = {}): Record<string, string> {
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out[path] = Object.values(e.constraints)[0]!;
    if (e.children?.length) collect(e.children, path, out);
  }
  return out;
}

/** class-validator failures become BAD_USER_INPUT with `extensions.fields` naming each bad field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => {
      const fields = collect(errors);
      // Input classes are wrapped in an `input` argument; report the field names the form knows.
      const flat = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^input\./, ''), v]));
      return badInput(`输入有误 / Invalid input: ${Object.values(flat).join('; ')}`, flat);
    },
  });
}
