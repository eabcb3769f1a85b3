/** What an article's JSON-LD says about it, with each field optional. */
export interface JsonLdArticle {
  headline?: string;
  /** Usually the headline again; some sites put the title here and a summary in `headline`. */
  name?: string;
  authors: string[];
  datePublished?: string;
  dateModified?: string;
  publisher?: string;
  image?: string;
  inLanguage?: string;
  description?: string;
  /** The story's text as the site gives it to machines: plain text, or markup on some sites. */
  body?: string;
}

/** A recipe's ingredient lines and steps, as its JSON-LD gives them (text, possibly with markup or entities). */
export interface JsonLdRecipe {
  ingredients: string[];
  steps: string[];
}

/** What a page's JSON-LD says: its article, and its recipe when it holds exactly one. */
export interface JsonLd {
  article?: JsonLdArticle;
  recipe?: JsonLdRecipe;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ARTICLE_TYPE =
  /^(?:\w+)?(?:Article|BlogPosting|Report|NewsArticle|LiveBlogPosting|OpinionNewsArticle|AnalysisNewsArticle|ReportageNewsArticle|TechArticle|ScholarlyArticle|SocialMediaPosting|Posting)$/;

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
    // Older templates hide the block from HTML or XML parsers in a comment or a CDATA section, itself in a JS comment.
    const raw = (script.textContent ?? '')
      .trim()
      .replace(/^(?:\/\/\s*|\/\*\s*)?(?:<!--|<!\[CDATA\[)(?:\s*\*\/)?|(?:\/\/\s*|\/\*\s*)?(?:-->|\]\]>)(?:\s*\*\/)?$/g, '');
    try {
      out.push(JSON.parse(raw) as Json);
    } catch {
      // A broken block is one site's bug, not a reason to lose the other metadata.
    }
  }
  return out;
}

/** Lines of a value that is a string, a list of them, or steps (HowToStep, HowToSection) holding them. */
function lines(v: Json | undefined): string[] {
  if (typeof v === 'string') return v.trim() ? [v.trim()] : [];
  if (Array.isArray(v)) return v.flatMap(lines);
  if (isObject(v)) return v.itemListElement !== undefined ? lines(v.itemListElement) : lines(v.text ?? v.name);
  return [];
}

function recipeOf(node: JsonObject): JsonLdRecipe {
  const steps = lines(node.recipeInstructions);
  return {
    ingredients: lines(node.recipeIngredient ?? node.ingredients),
    // One string holding the whole method is split where the site put its line breaks.
    steps: steps.length === 1 ? steps[0]!.split(/\s*\n\s*/).filter(Boolean) : steps,
  };
}

/** The first article-typed JSON-LD object among the page's `<script>` elements, and its recipe. */
export function readJsonLd(scripts: Iterable<Element>): JsonLd {
  const nodes = parseBlocks(scripts).flatMap((b) => Array.from(objects(b)));
  const article = nodes.find((n) => types(n).some((t) => ARTICLE_TYPE.test(t)));
  // A page of several recipes is a collection: which of them the story is cannot be told. The same
  // recipe stated twice (two plugins each writing it) is still one.
  const recipes = new Map(
    nodes
      .filter((n) => types(n).includes('Recipe'))
      .map((n) => recipeOf(n))
      .map((r) => [JSON.stringify(r), r]),
  );
  const [recipe, ...others] = recipes.values();
  return {
    ...(article ? { article: articleOf(article) } : {}),
    ...(recipe && others.length === 0 ? { recipe } : {}),
  };
}

function articleOf(article: JsonObject): JsonLdArticle {
  return {
    headline: str(article.headline),
    name: str(article.name),
    authors: nameOf(article.author ?? article.creator),
    datePublished: str(article.datePublished) ?? str(article.dateCreated),
    dateModified: str(article.dateModified),
    publisher: nameOf(article.publisher)[0],
    image: imageOf(article.image) ?? imageOf(article.thumbnailUrl),
    inLanguage: str(article.inLanguage),
    description: str(article.description),
    body: str(article.articleBody),
  };
}
