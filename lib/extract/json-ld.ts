/** What an article's JSON-LD says about it, with each field optional. */
export interface JsonLdArticle {
  headline?: string;
  authors: string[];
  datePublished?: string;
  dateModified?: string;
  publisher?: string;
  image?: string;
  inLanguage?: string;
  description?: string;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ARTICLE_TYPE = /^(?:\w+)?(?:Article|BlogPosting|Report|NewsArticle|LiveBlogPosting|OpinionNewsArticle|AnalysisNewsArticle|ReportageNewsArticle|TechArticle|ScholarlyArticle|SocialMediaPosting|Posting)$/;

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function types(node: JsonObject): string[] {
  const t = node['@type'];
  if (typeof t === 'string') return [t];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

/** Every object in a JSON-LD value, @graph and nested arrays opened. */
function* objects(value: Json): Generator<JsonObject> {
  if (Array.isArray(value)) for (const v of value) yield* objects(v);
  else if (isObject(value)) {
    yield value;
    const graph = value['@graph'];
    if (graph !== undefined) yield* objects(graph);
  }
}

function str(v: Json | undefined): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  return undefined;
}

function nameOf(v: Json | undefined): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(nameOf);
  if (isObject(v)) {
    const name = str(v.name) ?? [str(v.givenName), str(v.familyName)].filter(Boolean).join(' ');
    return name ? [name] : [];
  }
  return [];
}

function imageOf(v: Json | undefined): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(imageOf).find(Boolean);
  if (isObject(v)) return str(v.url) ?? str(v.contentUrl);
  return undefined;
}

function parseBlocks(scripts: Iterable<Element>): Json[] {
  const out: Json[] = [];
  for (const script of scripts) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    const raw = (script.textContent ?? '').trim().replace(/^<!--|-->$/g, '');
    try {
      out.push(JSON.parse(raw) as Json);
    } catch {
      // A broken block is one site's bug, not a reason to lose the other metadata.
    }
  }
  return out;
}

/** The first article-typed JSON-LD object among the page's `<script>` elements. */
export function readJsonLd(scripts: Iterable<Element>): JsonLdArticle | undefined {
  const nodes = parseBlocks(scripts).flatMap((b) => Array.from(objects(b)));
  const article = nodes.find((n) => types(n).some((t) => ARTICLE_TYPE.test(t)));
  if (!article) return undefined;
  return {
    headline: str(article.headline) ?? str(article.name),
    authors: nameOf(article.author ?? article.creator),
    datePublished: str(article.datePublished) ?? str(article.dateCreated),
    dateModified: str(article.dateModified),
    publisher: nameOf(article.publisher)[0],
    image: imageOf(article.image) ?? imageOf(article.thumbnailUrl),
    inLanguage: str(article.inLanguage),
    description: str(article.description),
  };
}
