import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';

export interface DecoratedMethod<M, F extends (...args: never[]) => unknown> {
  /** The provider's class name, for queue names. */
  owner: string;
  method: string;
  /** The method bound to its provider instance. */
  call: F;
  meta: M;
}

/** Finds every provider method carrying the metadata `key` (how `@OnDomainEvent` and `@ScheduledJob` are found). */
@Injectable()
export class DecoratedMethods {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  find<M, F extends (...args: never[]) => unknown>(key: string): Array<DecoratedMethod<M, F>> {
    const found: Array<DecoratedMethod<M, F>> = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.metatype) continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
        const fn = instance[method] as F | undefined;
        const meta = fn && this.reflector.get<M | undefined>(key, fn);
        if (meta) found.push({ owner: instance.constructor.name, method, call: fn.bind(instance) as F, meta });
      }
    }
    return found;
  }
}
