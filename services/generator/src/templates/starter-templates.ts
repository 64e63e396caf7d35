import type { TemplateInput } from './template.model.ts';

const phase = (name: string, description: string, capabilities: string[]) => ({
  name,
  description,
  capabilities,
});

/**
 * The starter library every tenant sees (read-only). Templates only shape generation: they rank phases,
 * carry prompts for model-backed generation and add checks whose findings become recommendations.
 */
export const STARTER_TEMPLATES: readonly TemplateInput[] = [
  {
    id: 'support-triage',
    name: 'Support ticket triage and reply',
    description: 'Read an incoming request, classify it, look up context, draft a reply and file or send it.',
    domains: ['support'],
    keywords: ['ticket', 'support', 'customer', 'inbox', 'complaint', 'reply', 'triage'],
    phases: [
      phase('intake', 'Fetch the message and detect its language', ['fetch', 'language']),
      phase('understand', 'Classify the request and its sentiment', ['classify', 'sentiment']),
      phase('research', 'Search the knowledge base', ['search', 'knowledge']),
      phase('respond', 'Draft, then send the reply or file a ticket', ['draft', 'send', 'ticket']),
    ],
    patterns: ['fan-out', 'approval-gate'],
    validationRules: [
      { rule: 'order', before: ['classify'], after: ['draft', 'reply'], message: 'classify before drafting' },
    ],
    requiredAgentTypes: ['draft'],
  },
  {
    id: 'content-publishing',
    name: 'Content creation and publishing',
    description: 'Write content, polish it, then publish or schedule it on the channels asked for.',
    domains: ['marketing', 'content'],
    keywords: ['blog', 'post', 'article', 'social', 'seo', 'publish', 'content', 'newsletter'],
    phases: [
      phase('write', 'Generate the draft', ['generate', 'write', 'translate']),
      phase('polish', 'Proofread and optimise', ['proofread', 'seo', 'optimize']),
      phase('publish', 'Publish or schedule', ['publish', 'schedule']),
    ],
    patterns: ['approval-gate'],
    validationRules: [
      {
        rule: 'approval-before',
        capabilities: ['publish'],
        message: 'public content usually gets a person’s approval before it goes out',
      },
    ],
    requiredAgentTypes: ['publish'],
  },
  {
    id: 'data-pipeline',
    name: 'Data ingestion and quality pipeline',
    description: 'Load data, validate and clean it, look for anomalies, then load it into the warehouse.',
    domains: ['data'],
    keywords: ['csv', 'records', 'warehouse', 'etl', 'dataset', 'pipeline', 'duplicates', 'anomalies'],
    phases: [
      phase('extract', 'Load or query the source data', ['load-file', 'query']),
      phase('clean', 'Validate and deduplicate', ['validate', 'deduplicate']),
      phase('check', 'Detect anomalies', ['anomal']),
      phase('load', 'Load into the warehouse', ['warehouse']),
    ],
    patterns: ['validate-before-load'],
    validationRules: [
      {
        rule: 'order',
        before: ['validate', 'deduplicate'],
        after: ['warehouse'],
        message: 'validate data before loading it into the warehouse',
      },
    ],
    requiredAgentTypes: [],
  },
  {
    id: 'accounts-payable',
    name: 'Invoice processing and payment',
    description: 'Extract invoice data, match it to purchase orders, then schedule payment.',
    domains: ['finance'],
    keywords: ['invoice', 'purchase order', 'payment', 'vendor', 'bill', 'payable'],
    phases: [
      phase('capture', 'Read the invoice', ['ocr', 'extract-invoice']),
      phase('match', 'Match against purchase orders', ['match']),
      phase('pay', 'Schedule the payment', ['payment']),
    ],
    patterns: ['approval-gate'],
    validationRules: [
      { rule: 'approval-before', capabilities: ['payment'], message: 'payments usually need sign-off first' },
      { rule: 'order', before: ['match'], after: ['payment'], message: 'match the invoice before paying it' },
    ],
    requiredAgentTypes: ['payment'],
  },
  {
    id: 'incident-response',
    name: 'Incident response',
    description: 'Gather alert context, logs and recent changes in parallel, diagnose, then act and notify.',
    domains: ['devops', 'sre', 'operations'],
    keywords: ['alert', 'incident', 'outage', 'on-call', 'deployment', 'rollback', 'logs', 'page'],
    phases: [
      phase('gather', 'Alert details, logs and recent deployments, side by side', [
        'alert',
        'logs',
        'deployments',
      ]),
      phase('diagnose', 'Find the likely root cause', ['diagnose', 'root-cause']),
      phase('act', 'Page, roll back or file an issue', ['page', 'rollback', 'issue']),
    ],
    patterns: ['fan-out', 'approval-gate'],
    validationRules: [
      {
        rule: 'approval-before',
        capabilities: ['rollback'],
        message: 'rollbacks in production usually need a go-ahead',
      },
    ],
    requiredAgentTypes: [],
  },
  {
    id: 'recruiting',
    name: 'Candidate screening and hiring',
    description: 'Parse a résumé, screen it against the role, then schedule, offer and onboard.',
    domains: ['hr', 'recruiting'],
    keywords: ['cv', 'resume', 'candidate', 'interview', 'offer', 'hire', 'job'],
    phases: [
      phase('read', 'Parse the résumé and fetch the role', ['parse-resume', 'job-description']),
      phase('screen', 'Screen the candidate', ['screen']),
      phase('proceed', 'Interview, offer, onboard', ['interview', 'offer', 'hris']),
    ],
    patterns: ['approval-gate'],
    validationRules: [
      {
        rule: 'approval-before',
        capabilities: ['offer'],
        message: 'offers usually need a hiring manager’s sign-off',
      },
    ],
    requiredAgentTypes: ['screen'],
  },
  {
    id: 'contract-review',
    name: 'Contract review',
    description: 'Digitise a contract, extract clauses, assess risk, redact and route for signature.',
    domains: ['legal'],
    keywords: ['contract', 'agreement', 'clause', 'nda', 'lease', 'signature', 'legal'],
    phases: [
      phase('digitise', 'OCR the document', ['ocr']),
      phase('analyse', 'Extract clauses and assess risk', ['clause', 'risk', 'summar']),
      phase('finish', 'Redact and request signatures', ['redact', 'signature']),
    ],
    patterns: ['approval-gate'],
    validationRules: [
      {
        rule: 'approval-before',
        capabilities: ['signature'],
        message: 'a person usually reviews a contract before it goes out for signature',
      },
    ],
    requiredAgentTypes: [],
  },
  {
    id: 'lead-outreach',
    name: 'Lead research and outreach',
    description: 'Find and enrich leads, score them, draft outreach and update the CRM.',
    domains: ['sales'],
    keywords: ['lead', 'leads', 'prospect', 'crm', 'outreach', 'pipeline', 'sales'],
    phases: [
      phase('find', 'Search and look up leads', ['search', 'lookup']),
      phase('enrich', 'Enrich and score', ['enrich', 'score']),
      phase('engage', 'Draft outreach and update the CRM', ['draft', 'crm']),
    ],
    patterns: ['fan-out'],
    validationRules: [
      { rule: 'order', before: ['score'], after: ['draft'], message: 'score leads before drafting outreach' },
    ],
    requiredAgentTypes: [],
  },
];
