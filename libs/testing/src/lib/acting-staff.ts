/** The headers that say who acts (see ActingStaff in service-kit), percent-encoded for HTTP. */
export function actingAs(name: string, position?: string): Record<string, string> {
  return {
    'x-actor-name': encodeURIComponent(name),
    ...(position ? { 'x-actor-position': encodeURIComponent(position) } : {}),
  };
}
