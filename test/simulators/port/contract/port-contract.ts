import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { repoFile } from '../repo-file.js';

/** A JSON Schema, as the contract holds it. */
export type JsonSchema = Record<string, unknown>;

/** One route of Port's API as its OpenAPI document declares it (see README.md beside this file). */
export interface ContractRoute {
  /** `METHOD /v1/path/{param}`, the OpenAPI's method and path. */
  operation: string;
  summary: string;
  /** False for routes only tests and the simulator use. */
  usedByAws2port: boolean;
  /** The row of Port's rate-limit table the route draws from (our reading of that table, not the OpenAPI's). */
  rateLimitClass: string;
  pathParameters: Record<string, JsonSchema>;
  queryParameters: Record<string, { required: boolean; schema: JsonSchema }>;
  /** Null when the route takes no body. */
  body: { required: boolean; schema: JsonSchema } | null;
  /** Status -> body schema (null when the document gives none). */
  answers: Record<string, JsonSchema | null>;
}

/** The contract file: where it comes from, the routes, and the OpenAPI components they refer to. */
export interface PortContract {
  source: { document: string; openapi: string; infoVersion: string; taken: string };
  routes: ContractRoute[];
  components: { schemas: Record<string, JsonSchema> };
}

/** A contract route matched by a request, with its path parameters (decoded). */
export interface ContractMatch {
  route: ContractRoute;
  params: Record<string, string>;
}

/** A request as the contract sees it: query string and body (undefined when the request had none). */
export interface ContractRequest {
  query: URLSearchParams;
  body: unknown;
}

const CONTRACT_PATH = join('test', 'simulators', 'port', 'contract', 'port-contract.json');
const CONTRACT_ID = 'port-contract';

/** Reads the contract file of the repository. */
export function loadPortContract(): PortContract {
  return JSON.parse(readFileSync(repoFile(CONTRACT_PATH), 'utf8')) as PortContract;
}

let shared: PortContractChecker | undefined;

/** The checker of the repository's contract, with the routes aws2port uses compiled, once per process. */
export function portContractChecker(): PortContractChecker {
  if (!shared) {
    shared = new PortContractChecker();
    shared.prepareUsedRoutes();
  }
  return shared;
}

/** The method and the segments after `/v1` of an operation; `{name}` segments capture. */
export function operationParts(operation: string): { method: string; segments: string[] } {
  const [method, path] = operation.split(' ') as [string, string];
  return { method, segments: path.split('/').filter((s) => s !== '').slice(1) };
}

interface CompiledRoute {
  route: ContractRoute;
  /** Its index in the contract's `routes`. */
  index: number;
  method: string;
  segments: string[];
}

/**
 * Checks requests (and answers) against the contract with a JSON Schema validator: the path's route,
 * its path and query parameters (a query parameter the route does not declare is refused), and the
 * body. Port's boolean and number query parameters are read from their text as Port reads them.
 * Each schema is compiled when first needed (Port's blueprint schemas are large: compiling all of them
 * up front would cost every test process seconds).
 */
export class PortContractChecker {
  private readonly routes: CompiledRoute[];
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly contract: PortContract = loadPortContract()) {
    this.ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false });
    const addFormats = addFormatsModule as unknown as (instance: Ajv2020) => void;
    addFormats(this.ajv);
    // Port's own format name for links (the standard one is `uri`).
    this.ajv.addFormat('url', (value: string) => URL.canParse(value));
    this.ajv.addSchema(contract as unknown as JsonSchema, CONTRACT_ID);
    this.routes = contract.routes.map((route, index) => ({ route, index, ...operationParts(route.operation) }));
  }

  /** The contract route of a method and the decoded path segments after `/v1`; undefined when Port has none. */
  match(method: string, segments: readonly string[]): ContractMatch | undefined {
    for (const compiled of this.routes) {
      if (compiled.method !== method || compiled.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const isMatch = compiled.segments.every((part, i) => {
        if (part.startsWith('{')) {
          params[part.slice(1, -1)] = segments[i]!;
          return true;
        }
        return part === segments[i];
      });
      if (isMatch) return { route: compiled.route, params };
    }
    return undefined;
  }

  /** Why the request is outside the route's contract (each problem, as Port's validator words it), or undefined. */
  requestProblem(match: ContractMatch, request: ContractRequest): string | undefined {
    const { route } = match;
    const problems = [
      ...problemsOf(this.validator(route, 'pathParameters'), match.params, 'params'),
      ...problemsOf(this.validator(route, 'queryParameters'), queryValues(route, request.query), 'querystring'),
    ];
    if (request.body === undefined) {
      if (route.body?.required) problems.push('body is required');
    } else if (!route.body) {
      problems.push('body is not accepted by this route');
    } else {
      problems.push(...problemsOf(this.validator(route, 'body/schema'), request.body, 'body'));
    }
    return problems.length === 0 ? undefined : problems.join(', ');
  }

  /** Why an answer is outside the route's contract (status not declared, or body not of its schema), or undefined. */
  answerProblem(route: ContractRoute, status: number, body: unknown): string | undefined {
    if (!(String(status) in route.answers)) return `status ${status} is not among the route's answers (${Object.keys(route.answers).join(', ')})`;
    const problems = route.answers[String(status)] ? problemsOf(this.validator(route, `answers/${status}`), body, 'answer') : [];
    return problems.length === 0 ? undefined : problems.join(', ');
  }

  /**
   * Compiles now what checking the routes aws2port uses will need (their requests and answers), so that
   * no answer of theirs waits for a compile: tests that time redeliveries would otherwise see it.
   */
  prepareUsedRoutes(): void {
    for (const { route } of this.routes.filter((r) => r.route.usedByAws2port)) {
      for (const part of ['pathParameters', 'queryParameters', ...(route.body ? ['body/schema'] : [])]) this.validator(route, part);
      for (const [status, schema] of Object.entries(route.answers)) if (schema) this.validator(route, `answers/${status}`);
    }
  }

  /** The validator of a part of a route (`body/schema`, `answers/200`, or its path or query parameters as one object), compiled once. */
  private validator(route: ContractRoute, part: string): ValidateFunction {
    const index = this.routes.find((r) => r.route === route)!.index;
    const key = `${index}/${part}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(part === 'pathParameters' || part === 'queryParameters' ? parametersSchema(route, part) : { $ref: `${CONTRACT_ID}#/routes/${index}/${part}` });
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

/** A route's path or query parameters as the schema of one object: declared names only, the required ones required. */
function parametersSchema(route: ContractRoute, part: 'pathParameters' | 'queryParameters'): JsonSchema {
  const entries: Array<[string, JsonSchema, boolean]> =
    part === 'pathParameters'
      ? Object.entries(route.pathParameters).map(([name, schema]) => [name, schema, true])
      : Object.entries(route.queryParameters).map(([name, p]) => [name, p.schema, p.required]);
  return {
    type: 'object',
    properties: Object.fromEntries(entries.map(([name, schema]) => [name, schema])),
    required: entries.filter(([, , required]) => required).map(([name]) => name),
    additionalProperties: false,
  };
}

/** The query string as typed values: booleans and numbers from their text, arrays from repeated keys. */
function queryValues(route: ContractRoute, query: URLSearchParams): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name of new Set(query.keys())) {
    const type = route.queryParameters[name]?.schema['type'];
    const text = query.get(name)!;
    if (type === 'array') values[name] = query.getAll(name);
    else if (type === 'boolean') values[name] = text === 'true' ? true : text === 'false' ? false : text;
    else if (type === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) values[name] = Number(text);
    else values[name] = text;
  }
  return values;
}

function problemsOf(validate: ValidateFunction, value: unknown, where: string): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error: ErrorObject) => `${where}${error.instancePath} ${error.message ?? 'is not valid'}${describeParams(error)}`);
}

function describeParams(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return ` (${String((error.params as { additionalProperty: string }).additionalProperty)})`;
  if (error.keyword === 'enum') return ` (${JSON.stringify((error.params as { allowedValues: unknown }).allowedValues)})`;
  return '';
}
