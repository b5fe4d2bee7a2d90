/**
 * The one door to the Shopify Admin GraphQL API. Every call goes through `graphql()`: it waits for
 * the shop's cost bucket (modelled from `extensions.cost.throttleStatus`), retries with backoff on
 * THROTTLED, HTTP 429 (honouring Retry-After), 5xx and network errors, and surfaces GraphQL and user
 * errors as `AdminApiError`. The transport is injectable: tests replay responses recorded in the
 * real API's shape (`__fixtures__/`).
 */
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { LeakyBucket, type ThrottleStatus } from "./leaky-bucket.server";

export const ADMIN_API_VERSION = "2026-07";

/** Sends one HTTP request; the default is `fetch`. */
export type Transport = (url: string, init: { method: "GET" | "POST"; headers: Record<string, string>; body?: string }) => Promise<Response>;

export class AdminApiError extends Error {
  constructor(
    message: string,
    readonly details: { status?: number; errors?: unknown; retryable?: boolean } = {},
  ) {
    super(message);
    this.name = "AdminApiError";
  }
}

export interface AdminGatewayOptions {
  shop: string;
  accessToken: string;
  transport?: Transport;
  apiVersion?: string;
  /** Retries after the first attempt (default 5). */
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

interface GraphqlBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
  extensions?: { cost?: { requestedQueryCost?: number; actualQueryCost?: number | null; throttleStatus?: ThrottleStatus } };
}

/** One cost bucket per shop, shared by every gateway of that shop in this process. */
const buckets = new Map<string, LeakyBucket>();

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type BulkOperationStatus = "CREATED" | "RUNNING" | "COMPLETED" | "CANCELING" | "CANCELED" | "FAILED" | "EXPIRED";

export interface BulkOperation {
  id: string;
  status: BulkOperationStatus;
  errorCode: string | null;
  objectCount: number;
  url: string | null;
  partialDataUrl: string | null;
}

/** The order fields attribution needs, in the shape `normalizeGraphqlOrder` reads. */
export const ORDER_FIELDS = `
  id name createdAt updatedAt test cancelledAt displayFinancialStatus email
  currentSubtotalPriceSet { shopMoney { amount currencyCode } }
  discountCodes
  customAttributes { key value }
  customer { id defaultEmailAddress { emailAddress } numberOfOrders }
  billingAddress { countryCodeV2 }
  shippingAddress { countryCodeV2 }
  refunds { id }
  customerJourneySummary {
    firstVisit { occurredAt landingPage referralCode utmParameters { source medium campaign content term } }
    lastVisit { occurredAt landingPage referralCode utmParameters { source medium campaign content term } }
  }`;

const BULK_FIELDS = `id status errorCode objectCount url partialDataUrl`;

export class AdminGateway {
  private readonly transport: Transport;
  private readonly apiVersion: string;
  private readonly maxRetries: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly bucket: LeakyBucket;
  private readonly costs = new Map<string, number>();

  constructor(private readonly options: AdminGatewayOptions) {
    this.transport = options.transport ?? ((url, init) => fetch(url, init));
    this.apiVersion = options.apiVersion ?? ADMIN_API_VERSION;
    this.maxRetries = options.maxRetries ?? 5;
    this.sleep = options.sleep ?? defaultSleep;
    const existing = options.now ? undefined : buckets.get(options.shop);
    this.bucket = existing ?? new LeakyBucket(undefined, options.now);
    if (!existing && !options.now) buckets.set(options.shop, this.bucket);
  }

  /**
   * Runs a GraphQL query or mutation with throttling and retries.
   *
   * @example const data = await gateway.graphql<{ shop: { name: string } }>("{ shop { name } }");
   * @returns `data`; throws AdminApiError for GraphQL errors, HTTP errors or exhausted retries.
   */
  async graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const url = `https://${this.options.shop}/admin/api/${this.apiVersion}/graphql.json`;
    const expectedCost = this.costs.get(query) ?? 50;
    for (let attempt = 0; ; attempt++) {
      const wait = this.bucket.delayFor(expectedCost);
      if (wait > 0) await this.sleep(wait);
      this.bucket.spend(expectedCost);
      let response: Response;
      try {
        response = await this.transport(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            accept: "application/json",
            "x-shopify-access-token": this.options.accessToken,
          },
          body: JSON.stringify({ query, variables }),
        });
      } catch (error) {
        if (attempt >= this.maxRetries) throw new AdminApiError(`network error: ${String(error)}`, { retryable: true });
        await this.sleep(backoff(attempt));
        continue;
      }
      if (response.status === 429 || response.status >= 500) {
        if (attempt >= this.maxRetries) throw new AdminApiError(`HTTP ${response.status} after ${attempt + 1} attempts`, { status: response.status, retryable: true });
        const retryAfter = Number(response.headers.get("retry-after"));
        await this.sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : backoff(attempt));
        continue;
      }
      if (!response.ok) throw new AdminApiError(`HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`, { status: response.status });
      const body = (await response.json()) as GraphqlBody<T>;
      const cost = body.extensions?.cost;
      if (cost?.throttleStatus) this.bucket.update(cost.throttleStatus);
      if (cost?.requestedQueryCost) this.costs.set(query, cost.requestedQueryCost);
      const throttled = body.errors?.some((e) => e.extensions?.code === "THROTTLED" || e.message === "Throttled");
      if (throttled) {
        if (attempt >= this.maxRetries) throw new AdminApiError("throttled after retries", { errors: body.errors, retryable: true });
        const needed = this.bucket.delayFor(cost?.requestedQueryCost ?? expectedCost);
        await this.sleep(Math.max(needed, backoff(attempt)));
        continue;
      }
      if (body.errors?.length) throw new AdminApiError(body.errors.map((e) => e.message).join("; "), { errors: body.errors });
      if (body.data === undefined || body.data === null) throw new AdminApiError("response without data");
      return body.data;
    }
  }

  /**
   * The shop's time zone and currency (for day buckets and money).
   *
   * @example const { ianaTimezone, currencyCode } = await gateway.shopLocale();
   * @returns the IANA zone and ISO currency code.
   */
  async shopLocale(): Promise<{ ianaTimezone: string; currencyCode: string }> {
    const data = await this.graphql<{ shop: { ianaTimezone: string; currencyCode: string } }>(`{ shop { ianaTimezone currencyCode } }`);
    return data.shop;
  }

  /**
   * Starts a bulk export of the shop's orders (created since `since`, when given) with their line items' products.
   *
   * @example const op = await gateway.runBulkOrdersQuery();
   * @returns the created operation (status CREATED); throws AdminApiError on user errors
   *   (e.g. another bulk query is already running).
   */
  async runBulkOrdersQuery(since?: Date): Promise<BulkOperation> {
    const filter = since ? `(query: "created_at:>='${since.toISOString()}'")` : "";
    const inner = `{ orders${filter} { edges { node { ${ORDER_FIELDS} lineItems { edges { node { id product { id } } } } } } } }`;
    const data = await this.graphql<{
      bulkOperationRunQuery: { bulkOperation: BulkOperation | null; userErrors: { field: string[] | null; message: string; code?: string }[] };
    }>(
      `mutation RunOrdersExport($query: String!) {
        bulkOperationRunQuery(query: $query) { bulkOperation { ${BULK_FIELDS} } userErrors { field message code } }
      }`,
      { query: inner },
    );
    const { bulkOperation, userErrors } = data.bulkOperationRunQuery;
    if (userErrors.length > 0 || !bulkOperation) {
      throw new AdminApiError(`bulk query refused: ${userErrors.map((e) => e.message).join("; ")}`, { errors: userErrors });
    }
    return normalizeBulk(bulkOperation);
  }

  /**
   * A bulk operation's status by id.
   *
   * @example const op = await gateway.bulkOperation("gid://shopify/BulkOperation/720918");
   * @returns the operation; throws AdminApiError when the id is unknown.
   */
  async bulkOperation(id: string): Promise<BulkOperation> {
    const data = await this.graphql<{ node: BulkOperation | null }>(
      `query BulkOperationStatus($id: ID!) { node(id: $id) { ... on BulkOperation { ${BULK_FIELDS} } } }`,
      { id },
    );
    if (!data.node) throw new AdminApiError(`bulk operation ${id} not found`);
    return normalizeBulk(data.node);
  }

  /**
   * Streams the lines of a finished bulk operation's JSONL file.
   *
   * @example for await (const line of gateway.bulkLines(op.url)) { … }
   * @returns the non-empty lines in file order; throws AdminApiError when the download fails.
   */
  async *bulkLines(url: string): AsyncGenerator<string> {
    let response: Response | undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        response = await this.transport(url, { method: "GET", headers: {} });
        if (response.ok || (response.status < 500 && response.status !== 429)) break;
      } catch (error) {
        if (attempt >= this.maxRetries) throw new AdminApiError(`download failed: ${String(error)}`, { retryable: true });
      }
      if (attempt >= this.maxRetries) break;
      await this.sleep(backoff(attempt));
    }
    if (!response?.ok || !response.body) throw new AdminApiError(`download failed: HTTP ${response?.status ?? "none"}`, { status: response?.status });
    const lines = createInterface({ input: Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), crlfDelay: Infinity });
    for await (const line of lines) if (line.trim() !== "") yield line;
  }

  /**
   * One page of orders updated since a time (reconciliation of missed webhooks), oldest first.
   *
   * @example const page = await gateway.ordersUpdatedSince(since, null);
   * @returns the order nodes (line items under `lineItems.nodes`) and the cursor of the next page, or null at the end.
   */
  async ordersUpdatedSince(since: Date, after: string | null, pageSize = 50): Promise<{ nodes: unknown[]; next: string | null }> {
    const data = await this.graphql<{
      orders: { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    }>(
      `query RecentOrders($first: Int!, $after: String, $query: String!) {
        orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
          nodes { ${ORDER_FIELDS} lineItems(first: 100) { nodes { id product { id } } } }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { first: pageSize, after, query: `updated_at:>='${since.toISOString()}'` },
    );
    const { nodes, pageInfo } = data.orders;
    return { nodes, next: pageInfo.hasNextPage ? pageInfo.endCursor : null };
  }

  /**
   * Creates a percentage-off code discount for all buyers (`discountCodeBasicCreate`).
   *
   * @example await gateway.createDiscountCode({ code: "ALICE10", title: "Alice 10%", percentage: 0.1, startsAt: new Date() });
   * @returns the discount node id and the code; throws AdminApiError with Shopify's user errors (e.g. code taken).
   */
  async createDiscountCode(input: { code: string; title: string; percentage: number; startsAt: Date; endsAt?: Date | null }): Promise<{ id: string; code: string }> {
    if (!(input.percentage > 0 && input.percentage <= 1)) throw new AdminApiError(`percentage must be in (0, 1], got ${input.percentage}`);
    const data = await this.graphql<{
      discountCodeBasicCreate: {
        codeDiscountNode: { id: string; codeDiscount: { codes?: { nodes: { code: string }[] } } } | null;
        userErrors: { field: string[] | null; code: string | null; message: string }[];
      };
    }>(
      `mutation CreateInfluencerCode($basicCodeDiscount: DiscountCodeBasicInput!) {
        discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {
          codeDiscountNode { id codeDiscount { ... on DiscountCodeBasic { title codes(first: 1) { nodes { code } } } } }
          userErrors { field code message }
        }
      }`,
      {
        basicCodeDiscount: {
          title: input.title,
          code: input.code,
          startsAt: input.startsAt.toISOString(),
          endsAt: input.endsAt ? input.endsAt.toISOString() : null,
          context: { all: "ALL" },
          customerGets: { value: { percentage: input.percentage }, items: { all: true } },
          appliesOncePerCustomer: false,
        },
      },
    );
    const { codeDiscountNode, userErrors } = data.discountCodeBasicCreate;
    if (userErrors.length > 0 || !codeDiscountNode) {
      throw new AdminApiError(`discount not created: ${userErrors.map((e) => e.message).join("; ")}`, { errors: userErrors });
    }
    return { id: codeDiscountNode.id, code: codeDiscountNode.codeDiscount.codes?.nodes[0]?.code ?? input.code };
  }

  /**
   * Looks up an existing code discount by its code (to adopt it).
   *
   * @example const found = await gateway.findDiscountCode("SUMMER10");
   * @returns the node id and the code as Shopify spells it, or null when no discount has that code.
   */
  async findDiscountCode(code: string): Promise<{ id: string; code: string } | null> {
    const data = await this.graphql<{
      codeDiscountNodeByCode: { id: string; codeDiscount: { codes?: { nodes: { code: string }[] } } } | null;
    }>(
      `query FindCode($code: String!) {
        codeDiscountNodeByCode(code: $code) {
          id
          codeDiscount {
            ... on DiscountCodeBasic { codes(first: 1) { nodes { code } } }
            ... on DiscountCodeBxgy { codes(first: 1) { nodes { code } } }
            ... on DiscountCodeFreeShipping { codes(first: 1) { nodes { code } } }
            ... on DiscountCodeApp { codes(first: 1) { nodes { code } } }
          }
        }
      }`,
      { code },
    );
    const node = data.codeDiscountNodeByCode;
    if (!node) return null;
    return { id: node.id, code: node.codeDiscount.codes?.nodes[0]?.code ?? code };
  }

  /**
   * Turns on the app's web pixel for this shop with these settings (`webPixelCreate`), or updates
   * them when the pixel already exists (`webPixelUpdate`), so re-installs and URL changes converge.
   * Settings must match `extensions/web-pixel/shopify.extension.toml`.
   *
   * @example await gateway.connectWebPixel({ shopPublicKey: "9f2c…", appUrl: "https://icr.example" });
   * @returns the pixel's id; throws AdminApiError with Shopify's user errors (e.g. invalid settings).
   */
  async connectWebPixel(settings: Record<string, string>): Promise<{ id: string }> {
    type Payload = { webPixel: { id: string } | null; userErrors: { field: string[] | null; code: string | null; message: string }[] };
    const webPixel = { settings: JSON.stringify(settings) };
    const created = await this.graphql<{ webPixelCreate: Payload }>(
      `mutation ConnectPixel($webPixel: WebPixelInput!) {
        webPixelCreate(webPixel: $webPixel) { webPixel { id } userErrors { field code message } }
      }`,
      { webPixel },
    );
    let payload = created.webPixelCreate;
    if (payload.userErrors.some((e) => e.code === "TAKEN")) {
      const existing = await this.graphql<{ webPixel: { id: string } }>(`{ webPixel { id } }`);
      const updated = await this.graphql<{ webPixelUpdate: Payload }>(
        `mutation UpdatePixel($id: ID!, $webPixel: WebPixelInput!) {
          webPixelUpdate(id: $id, webPixel: $webPixel) { webPixel { id } userErrors { field code message } }
        }`,
        { id: existing.webPixel.id, webPixel },
      );
      payload = updated.webPixelUpdate;
    }
    if (payload.userErrors.length > 0 || !payload.webPixel) {
      throw new AdminApiError(`web pixel not connected: ${payload.userErrors.map((e) => e.message).join("; ")}`, { errors: payload.userErrors });
    }
    return { id: payload.webPixel.id };
  }
}

function normalizeBulk(op: BulkOperation): BulkOperation {
  return {
    id: op.id,
    status: op.status,
    errorCode: op.errorCode ?? null,
    objectCount: Number(op.objectCount ?? 0),
    url: op.url ?? null,
    partialDataUrl: op.partialDataUrl ?? null,
  };
}

/** Exponential backoff with jitter: ~0.5 s, 1 s, 2 s, 4 s … capped at 30 s. */
function backoff(attempt: number): number {
  const base = Math.min(30_000, 500 * 2 ** attempt);
  return base / 2 + Math.random() * (base / 2);
}
