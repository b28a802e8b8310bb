import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { StaffRole } from '@akimat/contracts';
import { ALLOWED_ROLES, PUBLIC_ENDPOINT } from '@akimat/service-kit';

/** Who may call each HTTP route: its roles, 'public', or 'no one' when it declares nothing. */
export type AccessPolicy = Record<string, StaffRole[] | 'public' | 'no one'>;

type ModuleLike =
  | Type<unknown>
  | { module: Type<unknown>; imports?: unknown[]; controllers?: Type<unknown>[] }
  | { forwardRef: () => ModuleLike };

/** Reads the access policy every controller of an app module (and the modules it imports) declares. */
export function accessPolicyOf(appModule: Type<unknown>): AccessPolicy {
  const policy: AccessPolicy = {};
  for (const controller of controllersOf(appModule)) {
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = controller.prototype[name] as object;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (name === 'constructor' || method === undefined) continue;
      const path = joinPath(base, Reflect.getMetadata(PATH_METADATA, handler) as string);
      const isPublic =
        Reflect.getMetadata(PUBLIC_ENDPOINT, handler) ?? Reflect.getMetadata(PUBLIC_ENDPOINT, controller);
      const roles = (Reflect.getMetadata(ALLOWED_ROLES, handler) ?? Reflect.getMetadata(ALLOWED_ROLES, controller)) as
        | StaffRole[]
        | undefined;
      policy[`${RequestMethod[method]} ${path}`] = isPublic ? 'public' : roles ? [...roles].sort() : 'no one';
    }
  }
  return policy;
}

function controllersOf(root: ModuleLike, seen = new Set<unknown>()): Type<unknown>[] {
  if (!root || seen.has(root)) return [];
  seen.add(root);
  if ('forwardRef' in root) return controllersOf(root.forwardRef(), seen);
  const moduleClass = 'module' in root ? root.module : root;
  const dynamic = 'module' in root ? root : undefined;
  const controllers = [
    ...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, moduleClass) as Type<unknown>[] | undefined) ?? []),
    ...(dynamic?.controllers ?? []),
  ];
  const imports = [
    ...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, moduleClass) as ModuleLike[] | undefined) ?? []),
    ...((dynamic?.imports ?? []) as ModuleLike[]),
  ];
  return [...new Set([...controllers, ...imports.flatMap((child) => controllersOf(child, seen))])];
}

function joinPath(base: string, path: string): string {
  return `/${[base, path].filter((part) => part && part !== '/').join('/')}`.replace(/\/+/g, '/');
}
