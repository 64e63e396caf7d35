import type { Collection, Db } from 'mongodb';
import {
  byTenant,
  ConflictError,
  ensureIndexes,
  isDuplicateKey,
  NotFoundError,
  UserError,
  type Page,
  type Tenant,
} from '@dagwright/kit';
import type { TemplateInput, TemplateView } from './template.model.ts';
import { STARTER_TEMPLATES } from './starter-templates.ts';

interface TemplateDoc extends TemplateInput {
  clientId: string;
  projectId: string;
  workspaceId: string;
  templateId: string;
  createdAt: Date;
  updatedAt: Date;
}

interface StatsDoc {
  clientId: string;
  projectId: string;
  workspaceId: string;
  templateId: string;
  uses: number;
  successes: number;
}

/** What a template's success rate is before it has been used: built-ins are proven patterns, others unknown. */
const PRIOR = { builtin: 0.8, custom: 0.5 };

const builtins = new Map(STARTER_TEMPLATES.map((t) => [t.id, t]));

/** A tenant's templates (the starter library plus their own) and each template's record of use. */
export class TemplateRepository {
  private readonly templates: Collection<TemplateDoc>;
  private readonly stats: Collection<StatsDoc>;

  constructor(db: Db) {
    this.templates = db.collection<TemplateDoc>('templates');
    this.stats = db.collection<StatsDoc>('template_stats');
  }

  /** Creates the indexes (tenant first). */
  async ensureIndexes(): Promise<void> {
    const key = { clientId: 1, projectId: 1, workspaceId: 1, templateId: 1 } as const;
    await ensureIndexes(this.templates, [{ key, name: 'tenant_template_unique', unique: true }]);
    await ensureIndexes(this.stats, [{ key, name: 'tenant_template_stats_unique', unique: true }]);
  }

  /** Every template the tenant can use: the starter library, then its own by id. */
  async all(tenant: Tenant): Promise<TemplateView[]> {
    const [own, stats] = await Promise.all([
      this.templates
        .find(byTenant(tenant), { projection: { _id: 0 } })
        .sort({ templateId: 1 })
        .limit(1000)
        .toArray(),
      this.statsOf(tenant),
    ]);
    return [
      ...STARTER_TEMPLATES.map((t) => this.view(t, true, stats.get(t.id))),
      ...own.map((doc) => this.view(doc, false, stats.get(doc.templateId), doc)),
    ];
  }

  /** A page of templates by id, optionally only those fitting a domain. */
  async list(tenant: Tenant, page: Page, domain: string): Promise<TemplateView[]> {
    const fits = (t: TemplateView) => domain === '' || t.domains.length === 0 || t.domains.includes(domain);
    return (await this.all(tenant))
      .filter((t) => fits(t) && (page.after === undefined || t.id > page.after))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, page.size);
  }

  /** One template, or NOT_FOUND. */
  async get(tenant: Tenant, id: string): Promise<TemplateView> {
    const found = (await this.all(tenant)).find((t) => t.id === id);
    if (found === undefined) throw new NotFoundError('template', id);
    return found;
  }

  /** Stores a new template of the tenant; ids of the starter library and existing ones are taken. */
  async create(tenant: Tenant, input: TemplateInput): Promise<TemplateView> {
    this.refuseBuiltin(input.id);
    const now = new Date();
    const doc: TemplateDoc = {
      ...input,
      ...byTenant(tenant),
      templateId: input.id,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.templates.insertOne({ ...doc });
    } catch (error) {
      if (isDuplicateKey(error))
        throw new ConflictError(`template '${input.id}' already exists`, 'ALREADY_EXISTS');
      throw error;
    }
    return this.view(doc, false, undefined, doc);
  }

  /** Replaces a template of the tenant's own. */
  async update(tenant: Tenant, input: TemplateInput): Promise<TemplateView> {
    this.refuseBuiltin(input.id);
    const updatedAt = new Date();
    const result = await this.templates.findOneAndUpdate(
      { ...byTenant(tenant), templateId: input.id },
      { $set: { ...input, updatedAt } },
      // No projection: FerretDB does not implement `fields` in findAndModify.
      { returnDocument: 'after' },
    );
    if (result === null) throw new NotFoundError('template', input.id);
    return this.view(result, false, (await this.statsOf(tenant)).get(input.id), result);
  }

  /** Deletes a template of the tenant's own, with its record. */
  async delete(tenant: Tenant, id: string): Promise<void> {
    this.refuseBuiltin(id);
    const result = await this.templates.deleteOne({ ...byTenant(tenant), templateId: id });
    if (result.deletedCount === 0) throw new NotFoundError('template', id);
    await this.stats.deleteOne({ ...byTenant(tenant), templateId: id });
  }

  /** Records one generation shaped by the template, and whether it produced a valid workflow that met its checks. */
  async recordUse(tenant: Tenant, id: string, success: boolean): Promise<void> {
    await this.stats.updateOne(
      { ...byTenant(tenant), templateId: id },
      { $inc: { uses: 1, successes: success ? 1 : 0 } },
      { upsert: true },
    );
  }

  private async statsOf(tenant: Tenant): Promise<Map<string, StatsDoc>> {
    const docs = await this.stats
      .find(byTenant(tenant), { projection: { _id: 0 } })
      .limit(2000)
      .toArray();
    return new Map(docs.map((d) => [d.templateId, d]));
  }

  private refuseBuiltin(id: string): void {
    if (builtins.has(id))
      throw new UserError(
        'failed_precondition',
        'BUILTIN_TEMPLATE',
        `template '${id}' is built in and read-only`,
      );
  }

  private view(
    input: TemplateInput,
    builtin: boolean,
    stats: StatsDoc | undefined,
    doc?: TemplateDoc,
  ): TemplateView {
    const prior = builtin ? PRIOR.builtin : PRIOR.custom;
    // One pseudo-use of the prior keeps the rate from swinging to 0 or 1 on the first generation.
    const successRate = stats === undefined ? prior : (stats.successes + prior) / (stats.uses + 1);
    return {
      id: input.id,
      name: input.name,
      description: input.description,
      domains: input.domains,
      keywords: input.keywords,
      phases: input.phases,
      patterns: input.patterns,
      validationRules: input.validationRules,
      requiredAgentTypes: input.requiredAgentTypes,
      builtin,
      uses: stats?.uses ?? 0,
      successRate,
      ...(doc === undefined ? {} : { createdAt: doc.createdAt, updatedAt: doc.updatedAt }),
    };
  }
}
