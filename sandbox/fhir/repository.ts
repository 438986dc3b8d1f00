/**
 * The source's record store: medplum's MemoryRepository for storage, reads, history and batch,
 * with search answered by search-request.ts, search.ts and paging.ts, and per-request access
 * enforced here in one place, so the same rules apply to plain requests and to every batch entry.
 */
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { SearchRequest, WithId } from '@medplum/core';
import { OperationOutcomeError, Operator, deepClone, forbidden } from '@medplum/core';
import { MemoryRepository } from '@medplum/fhir-router';
import { loadDefinitions, narrowSearchParameters, patientCompartmentParams } from './definitions';
import { searchsetBundle } from './paging';
import { PatientIndex } from './patient-index';
import { inPatientCompartment, matcher, sortResources } from './search';
import { normaliseSearch, referencedPatients, requiredPatient } from './search-request';
import { includedEntries } from './include';
import { resolvePatientChains } from './chained-search';
import type { Access, Grant, Interaction } from './types';

/** Recent result lists kept so paging through a big record does not re-run the search per page. */
const CACHED_SEARCHES = 32;

/** A small least-recently-used map of recent searches. */
class RecentSearches<T> {
  readonly #entries = new Map<string, T>();

  get(key: string): T | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: T): T {
    this.#entries.set(key, value);
    if (this.#entries.size > CACHED_SEARCHES) this.#entries.delete(this.#entries.keys().next().value ?? '');
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}

export function refused(text: string): OperationOutcomeError {
  return new OperationOutcomeError({ ...forbidden, issue: [{ severity: 'error', code: 'forbidden', details: { text } }] });
}

export class SandboxRepository extends MemoryRepository {
  /** Absolute base (`http://host:port/fhir`) used in paging links; set once the server listens. */
  baseUrl = '';
  private access: Access | undefined;
  private readOnly = false;
  private readonly index = new PatientIndex();
  /** What matched, by filters (whatever the order asked for): a count reuses a sorted search's matches. */
  private readonly matched = new RecentSearches<Resource[]>();
  /** What matched, in the order asked for. */
  private readonly results = new RecentSearches<Resource[]>();

  /** Stores resources as the source holds them (ids and meta.lastUpdated kept). */
  async load(resources: readonly Resource[]): Promise<void> {
    for (const resource of resources) this.store(await super.createResource(resource));
  }

  /**
   * A view of this repository for one HTTP request: same data, the request's access rules, and
   * no writes (the sandbox sources are read-only over HTTP; tests may still write to `this`).
   */
  forRequest(access: Access | undefined): SandboxRepository {
    const view = Object.create(this) as SandboxRepository;
    view.access = access;
    view.readOnly = true;
    return view;
  }

  override async createResource<T extends Resource>(resource: T): Promise<WithId<T>> {
    this.assertWritable();
    const stored = await super.createResource(resource);
    this.store(stored);
    return deepClone(stored);
  }

  override async deleteResource(resourceType: string, id: string): Promise<void> {
    this.assertWritable();
    await super.deleteResource(resourceType, id);
    this.index.remove(resourceType, id);
    this.forgetSearches();
  }

  override async readResource<T extends Resource>(resourceType: string, id: string): Promise<T> {
    const resource = await super.readResource<T>(resourceType, id);
    const grant = this.grant(resourceType, 'read');
    if (grant.patient && !inPatientCompartment(resource, grant.patient)) throw refused(`This token may only read records of Patient/${grant.patient}`);
    return resource;
  }

  override async search<T extends Resource>(searchRequest: SearchRequest<T>): Promise<Bundle<WithId<T>>> {
    // A chain is answered by the Patients this request may see (a patient-scoped token: its own).
    const patientsWith = (identifier: string) =>
      this.matchAll({ resourceType: 'Patient', filters: [{ code: 'identifier', operator: Operator.EQUALS, value: identifier }] }, this.grant(searchRequest.resourceType, 'search').patient).map((p) => p.id ?? '');
    const request = normaliseSearch(resolvePatientChains(searchRequest, patientsWith), this.baseUrl);
    const grant = this.grant(request.resourceType, 'search');
    if (grant.patient && referencedPatients(request).some((r) => r !== `Patient/${grant.patient}`)) {
      throw refused(`This token may only search records of Patient/${grant.patient}`);
    }
    const bundle = searchsetBundle<WithId<T>>(this.baseUrl, request as SearchRequest<WithId<T>>, this.matchAll(request, grant.patient) as WithId<T>[]);
    if (!request.include?.length) return bundle;
    const included = await includedEntries(bundle, request.include, this.baseUrl, (type, id) => this.readResource(type, id));
    return { ...bundle, entry: [...(bundle.entry ?? []), ...included] as typeof bundle.entry };
  }

  private grant(resourceType: string, interaction: Interaction): Grant {
    if (!this.access) return { allowed: true };
    const grant = this.access.check(resourceType, interaction);
    if (!grant.allowed) throw refused(grant.reason ?? `No scope grants ${interaction} on ${resourceType}`);
    return grant;
  }

  private assertWritable(): void {
    if (this.readOnly) throw refused('This sandbox source is read-only');
  }

  private matchAll(request: SearchRequest, patient: string | undefined): Resource[] {
    const filters = [...(request.filters ?? [])].map((f) => JSON.stringify(f)).sort();
    const filterKey = JSON.stringify([request.resourceType, filters, patient]);
    const key = JSON.stringify([filterKey, request.sortRules]);
    const cached = this.results.get(key);
    if (cached) return cached;
    const test = matcher(request);
    const found = this.matched.get(filterKey) ?? this.matched.set(filterKey, this.candidates(request, patient).filter((r) => test(r) && (!patient || inPatientCompartment(r, patient))));
    return this.results.set(key, sortResources(found, request.sortRules));
  }

  /** A superset of the matches: all of the type, or only those that reference the one Patient required. */
  private candidates(request: SearchRequest, patient: string | undefined): Resource[] {
    const type = request.resourceType;
    const compartmentBound = patient !== undefined && (type === 'Patient' || patientCompartmentParams(type) !== undefined);
    return this.index.list(type, compartmentBound ? `Patient/${patient}` : requiredPatient(request));
  }

  private store(resource: WithId<Resource>): void {
    narrowSearchParameters(resource.resourceType);
    this.index.add(resource);
    this.forgetSearches();
  }

  private forgetSearches(): void {
    this.matched.clear();
    this.results.clear();
  }

  /** Resource types this source holds (for the CapabilityStatement). */
  resourceTypes(): string[] {
    return this.index.types();
  }
}

/** Loads medplum's definitions (once per process) and a repository holding `resources`. */
export async function createRepository(resources: readonly Resource[]): Promise<SandboxRepository> {
  loadDefinitions();
  const repo = new SandboxRepository();
  await repo.load(resources);
  return repo;
}
