import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { composeEnvironment } from '@akimat/testing';
import { appealsEnvSchema } from '../../apps/appeals/src/app/appeals-env.schema';
import { notificationsEnvSchema } from '../../apps/notifications/src/app/notifications-env.schema';
import { routingEnvSchema } from '../../apps/routing/src/app/routing-env.schema';
import { statsEnvSchema } from '../../apps/stats/src/app/stats-env.schema';
import { gatewayEnvSchema } from '../../apps/gateway/src/gateway.config';

/**
 * deploy/: what `kubectl apply -k deploy/` creates (the files kustomization.yaml lists), checked
 * against each service's own env schema, as the compose test checks docker-compose.yml. The Secrets
 * come from secrets.example.yaml, whose placeholders must therefore be values the schemas accept.
 */
const DEPLOY = join(__dirname, '../../deploy');
const SECRETS_EXAMPLE = 'secrets.example.yaml';
const NOT_APPLIED = new Set(['kustomization.yaml', SECRETS_EXAMPLE]);

const SERVICES: Record<string, z.ZodObject> = {
  appeals: appealsEnvSchema,
  routing: routingEnvSchema,
  notifications: notificationsEnvSchema,
  stats: statsEnvSchema,
};

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: Record<string, unknown>;
}
interface Probe {
  httpGet?: { path: string; port: string | number };
  failureThreshold?: number;
  periodSeconds?: number;
}
interface Container {
  name: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
}
interface PodSpec {
  containers: Container[];
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
}
interface DeploymentSpec {
  selector: { matchLabels: Record<string, string> };
  template: { metadata: { labels: Record<string, string> }; spec: PodSpec };
}

/** Every document of a file, failing on any YAML error rather than skipping the document. */
function documentsOf(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(join(DEPLOY, file), 'utf8')).map((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((e) => e.message).join('; ')}`);
    return document.toJS() as Manifest;
  });
}

function yamlFilesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => relative(DEPLOY, join(entry.parentPath, entry.name)));
}

const kustomization = parse(readFileSync(join(DEPLOY, 'kustomization.yaml'), 'utf8')) as { resources: string[] };
const applied = kustomization.resources.flatMap(documentsOf);
const secrets = documentsOf(SECRETS_EXAMPLE);

function find(kind: string, name: string, from = applied): Manifest {
  const found = from.find((manifest) => manifest.kind === kind && manifest.metadata.name === name);
  if (!found) throw new Error(`no ${kind} "${name}"`);
  return found;
}

const selects = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels[key] === value);

/** The environment Kubernetes gives the container: envFrom sources in order, then env. */
function containerEnvironment(container: Container): Record<string, string> {
  const sources = (container.envFrom ?? []).map((source) =>
    source.configMapRef
      ? (find('ConfigMap', source.configMapRef.name).data ?? {})
      : (find('Secret', source.secretRef?.name ?? '', secrets).stringData ?? {}),
  );
  const inline = Object.fromEntries((container.env ?? []).map(({ name, value }) => [name, value ?? '']));
  return Object.assign({}, ...sources, inline);
}

/** Variables the schema cannot default: the same rule as assertComposeConfigures. */
const requiredVariables = (schema: z.ZodObject) =>
  Object.entries(schema.shape)
    .filter(([, rule]) => !(rule as z.ZodType).safeParse(undefined).success)
    .map(([name]) => name);

describe('deploy/ Kubernetes manifests', () => {
  it('lists every manifest in kustomization.yaml, except the secrets example and optional/', () => {
    const manifests = yamlFilesUnder(DEPLOY).filter((file) => !NOT_APPLIED.has(file) && !file.startsWith('optional'));
    expect([...kustomization.resources].sort()).toEqual(manifests.sort());
  });

  it('parses every document of every file, optional ones included', () => {
    for (const file of yamlFilesUnder(DEPLOY)) expect(documentsOf(file).length).toBeGreaterThan(0);
  });

  it('keeps only placeholders in the secrets example', () => {
    for (const secret of secrets) {
      expect(secret.kind).toBe('Secret');
      for (const value of Object.values(secret.stringData ?? {})) expect(value).toMatch(/^$|CHANGE_ME/);
    }
  });

  describe.each(Object.entries(SERVICES))('%s', (service, schema) => {
    const deployment = find('Deployment', service);
    const spec = deployment.spec as unknown as DeploymentSpec;
    const pod = spec.template.spec;
    const [container] = pod.containers;
    const port = container.ports?.find((candidate) => candidate.name === 'http');
    const environment = containerEnvironment(container);
    const onPort = (target: string | number | undefined) => target === port?.name || target === port?.containerPort;

    it('runs its own bundle with an http port', () => {
      expect(pod.containers).toHaveLength(1);
      expect(container.command).toEqual(['node', `dist/apps/${service}/main.js`]);
      expect(port?.containerPort).toEqual(expect.any(Number));
    });

    it('probes /health/live for liveness and start-up and /health/ready for readiness, on that port', () => {
      expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
      expect(container.startupProbe?.httpGet?.path).toBe('/health/live');
      expect(container.readinessProbe?.httpGet?.path).toBe('/health/ready');
      for (const probe of [container.livenessProbe, container.startupProbe, container.readinessProbe]) {
        expect(onPort(probe?.httpGet?.port)).toBe(true);
      }
      // Migrations run before the service listens: give start-up at least two minutes.
      const { periodSeconds = 10, failureThreshold = 3 } = container.startupProbe ?? {};
      expect(periodSeconds * failureThreshold).toBeGreaterThanOrEqual(120);
    });

    it('sets resource requests and limits', () => {
      expect(container.resources?.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
      expect(container.resources?.limits).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
    });

    it('allows the 10 s graceful shutdown after preStop, and runs as non-root on a read-only filesystem', () => {
      const preStop = container.lifecycle?.preStop?.exec?.command ?? [];
      const preStopSeconds = preStop[0] === 'sleep' ? Number(preStop[1]) : 0;
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(preStopSeconds + 10);
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: expect.any(Number) });
      expect(container.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
      });
    });

    it('provides every variable its env schema requires, with values the schema accepts', () => {
      const missing = requiredVariables(schema).filter((name) => !(name in environment));
      expect(missing).toEqual([]);
      expect(() => schema.parse(environment)).not.toThrow();
      expect(Number(environment['HTTP_PORT'])).toBe(port?.containerPort);
    });

    it('verifies staff tokens against the identity provider: a JWKS URL or public key, issuer, audience', () => {
      expect(environment['AUTH_JWKS_URL'] || environment['AUTH_PUBLIC_KEY']).toBeTruthy();
      expect(environment).toMatchObject({ AUTH_ISSUER: expect.any(String), AUTH_AUDIENCE: expect.any(String) });
    });

    it('sets every variable docker-compose.yml sets for it', () => {
      expect(Object.keys(environment)).toEqual(expect.arrayContaining(Object.keys(composeEnvironment(service))));
    });

    it('has pods its Deployment, Service and PodDisruptionBudget select', () => {
      const labels = spec.template.metadata.labels;
      expect(selects(spec.selector.matchLabels, labels)).toBe(true);
      const serviceSpec = find('Service', service).spec as {
        selector: Record<string, string>;
        ports: { targetPort: string | number }[];
      };
      expect(selects(serviceSpec.selector, labels)).toBe(true);
      expect(serviceSpec.ports.some(({ targetPort }) => onPort(targetPort))).toBe(true);
      const budget = find('PodDisruptionBudget', service).spec as { selector: { matchLabels: Record<string, string> } };
      expect(selects(budget.selector.matchLabels, labels)).toBe(true);
    });

    it('is scaled on CPU by an autoscaling/v2 HPA, from 2 replicas up to at most the topic partitions', () => {
      const hpa = find('HorizontalPodAutoscaler', service);
      expect(hpa.apiVersion).toBe('autoscaling/v2');
      expect(hpa.spec).toMatchObject({
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: service },
        minReplicas: expect.any(Number),
        metrics: expect.arrayContaining([
          {
            type: 'Resource',
            resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: expect.any(Number) } },
          },
        ]),
      });
      const { minReplicas, maxReplicas } = hpa.spec as { minReplicas: number; maxReplicas: number };
      expect(minReplicas).toBeGreaterThanOrEqual(2);
      expect(maxReplicas).toBeLessThanOrEqual(Number(environment['KAFKA_TOPIC_PARTITIONS']));
      expect(deployment.spec).not.toHaveProperty('replicas');
    });
  });

  describe('gateway (the web console and the APIs on one origin)', () => {
    const deployment = find('Deployment', 'gateway');
    const spec = deployment.spec as unknown as DeploymentSpec;
    const pod = spec.template.spec;
    const [container] = pod.containers;
    const environment = containerEnvironment(container);
    const port = container.ports?.find((candidate) => candidate.name === 'http');

    it('runs its bundle on its port, probed live and ready, with resources, non-root and read-only', () => {
      expect(container.command).toEqual(['node', 'dist/apps/gateway/main.js']);
      expect(Number(gatewayEnvSchema.parse(environment).HTTP_PORT)).toBe(port?.containerPort);
      expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
      expect(container.readinessProbe?.httpGet?.path).toBe('/health/ready');
      expect(container.resources?.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
      expect(container.resources?.limits).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true });
      expect(container.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
      });
    });

    it('sends each service’s calls to that service’s Kubernetes Service and port, with no demo sign-in', () => {
      for (const service of Object.keys(SERVICES)) {
        const url = new URL(environment[`${service.toUpperCase()}_URL`]);
        const target = find('Service', service).spec as { ports: { port: number }[] };
        expect([url.hostname, Number(url.port)]).toEqual([service, target.ports[0].port]);
      }
      expect(environment).not.toHaveProperty('DEMO_SIGNING_KEY_FILE');
    });

    it('is scaled by an HPA from 2 replicas and kept available by a PodDisruptionBudget', () => {
      expect(
        (find('HorizontalPodAutoscaler', 'gateway').spec as { minReplicas: number }).minReplicas,
      ).toBeGreaterThanOrEqual(2);
      const budget = find('PodDisruptionBudget', 'gateway').spec as {
        selector: { matchLabels: Record<string, string> };
      };
      expect(selects(budget.selector.matchLabels, spec.template.metadata.labels)).toBe(true);
    });
  });

  it('lets the services trust the gateway’s X-Forwarded-For (pods have private addresses)', () => {
    expect(find('ConfigMap', 'akimat-common').data?.['TRUST_PROXY']).toBe('uniquelocal');
  });
});
