import type { Random } from './random.ts';

/**
 * Unique demo mobiles and e-mail addresses across one generated data set.
 *
 * E-mail addresses only use the reserved domains of RFC 2606 (example.com/.net/.org and
 * their subdomains), so a demo tenant can never mail a real person. Mobile numbers have
 * real carrier prefixes (China has no reserved fictional range), so demo tenants must not
 * send SMS.
 */
export type ContactRegistry = {
  readonly mobiles: Set<string>;
  readonly emails: Set<string>;
  /** Next numeric suffix to try per taken address, so collisions stay O(1). */
  readonly nextSuffix: Map<string, number>;
};

export function createContactRegistry(): ContactRegistry {
  return { mobiles: new Set(), emails: new Set(), nextSuffix: new Map() };
}

/** Mobile number segments of China Mobile, China Unicom, China Telecom and China Broadnet. */
export const MOBILE_PREFIXES: readonly string[] = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139',
  '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '166', '173', '175', '176', '177', '178',
  '180', '181', '182', '183', '184', '185', '186', '187', '188', '189',
  '191', '193', '195', '196', '198', '199',
];

export const DEMO_EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;

export function uniqueMobile(random: Random, registry: ContactRegistry): string {
  for (;;) {
    const mobile = random.pick(MOBILE_PREFIXES) + random.chars('0123456789', 8);
    if (!registry.mobiles.has(mobile)) {
      registry.mobiles.add(mobile);
      return mobile;
    }
  }
}

/** `local@domain`, or `local2@domain`, `local3@domain`… if it is taken. */
export function uniqueEmail(registry: ContactRegistry, local: string, domain: string): string {
  const base = `${local}@${domain}`;
  if (!registry.emails.has(base)) {
    registry.emails.add(base);
    return base;
  }
  let suffix = registry.nextSuffix.get(base) ?? 2;
  let candidate = `${local}${suffix}@${domain}`;
  while (registry.emails.has(candidate)) {
    suffix += 1;
    candidate = `${local}${suffix}@${domain}`;
  }
  registry.nextSuffix.set(base, suffix + 1);
  registry.emails.add(candidate);
  return candidate;
}
