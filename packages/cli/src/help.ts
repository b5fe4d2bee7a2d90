// The help screens. Kept as plain text beside each other so flags and their docs change together.

/** `icr --help`. */
export const MAIN_HELP = `icr: Influencer Conversion Rate reports from Shopify orders, clicks and your roster

Usage:
  icr report --orders FILE --influencers FILE [options]   conversion rates with 95% intervals
  icr link --handle H --destination URL [options]         an influencer's share URL with UTM tags
  icr help [report|link]                                  this text, or a command's
  icr --version                                           the version

Run "icr report --help" or "icr link --help" for the options of each command.
Exit codes: 0 success, 2 bad arguments or bad input (the message names the file and line), 1 a bug.
`;

/** `icr report --help`. */
export const REPORT_HELP = `Usage: icr report --orders FILE --influencers FILE [options]

Credits each order to at most one influencer (discount code > click id > UTM, METRICS.md §4)
and prints conversion rates: conversions / human, de-duplicated clicks (or engagements) × 100,
with a Wilson 95% interval and a "low sample" flag.

Inputs:
  --orders FILE        Shopify orders: webhook/REST payloads as JSON Lines or a JSON array, or the
                       admin's "Export orders" CSV (rows of one order are merged; the export has
                       no test flag, so tag test orders "test"). The form is recognized from the
                       content. Required.
  --influencers FILE   Roster, CSV or JSON: handle,name,email,codes,links,utm,campaign,platform,tags
                       (codes, links, tags separated by ";"). Required.
  --clicks FILE        Share-link clicks, CSV or JSON Lines: id,at,link,visitor,userAgent
                       (optional: method,country,device). "link" is a roster link slug, "at" an
                       ISO 8601 time with zone. Bots and repeats within 60 minutes are not counted.
  --engagements FILE   Imported engagements, CSV: date,handle,campaign,engagements.

  Campaign and platform names are compared in lower case, as UTM parameters carry them.

Options:
  --by GROUPING        overall, influencer (default), campaign, influencer,campaign, or a segment:
                       platform, tag, campaignType, customerType, country, device, product,
                       day, week, month.
  --denominator KIND   clicks (default) or engagements (needs --engagements).
  --goal GOAL          purchase (default) or signup.
  --window-days N      days a click or visit may precede the order (default 30, at most 365).
  --time-zone ZONE     IANA zone for days, weeks and months (default UTC), e.g. America/Toronto.
  --format FORMAT      table (default), json or csv.
  --explain            also show why each order was credited (or not): a receipt per order.
  --output FILE        write the report to FILE (atomically) instead of standard output.
  --progress           show progress on stderr even when it is not a terminal.
  -h, --help           this text.

Example:
  icr report --orders orders_export.csv --influencers roster.csv --clicks clicks.csv --by campaign
`;

/** `icr link --help`. */
export const LINK_HELP = `Usage: icr link --handle H --destination URL [options]

Prints the URL an influencer shares: the destination with utm_source (platform),
utm_medium=influencer, utm_campaign and utm_content (handle) added.

Options:
  --handle H           the influencer's handle (or roster "utm" value). Required.
  --destination URL    the shop page to land on, e.g. https://shop.example/products/tee. Required.
  --campaign C         utm_campaign.
  --platform P         utm_source, e.g. instagram, tiktok, youtube.
  --base-url U         the ICR app's address; with --slug also prints the short link U/r/S,
  --slug S             which records the click before redirecting (give both or neither).
  -h, --help           this text.

Example:
  icr link --handle alice --destination https://shop.example/products/tee --campaign spring --platform instagram
`;
