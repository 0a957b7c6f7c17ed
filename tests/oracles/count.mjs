// The networks' own counting, for differential tests: one JSON request per line on stdin
// ({"network": "x" | "bluesky", "text": "..."}), one JSON answer per line on stdout.
//
// X: twitter-text's parseTweet (the official implementation X's clients use).
// Bluesky: what the Bluesky app's composer counts — @atproto/api's RichText with its facets
// detected, links shortened for display the way the app does (social-app
// src/lib/strings/rich-text-manip.ts shortenLinks and url-helpers.ts toShortUrl), then the
// grapheme length.
import readline from "node:readline";
import twitter from "twitter-text";
import { RichText, UnicodeString } from "@atproto/api";

function toShortUrl(url) {
  try {
    const urlp = new URL(url);
    if (urlp.protocol !== "http:" && urlp.protocol !== "https:") {
      return url;
    }
    const path = (urlp.pathname === "/" ? "" : urlp.pathname) + urlp.search + urlp.hash;
    if (path.length > 15) {
      return urlp.host + path.slice(0, 13) + "...";
    }
    return urlp.host + path;
  } catch (e) {
    return url;
  }
}

function shortenLinks(rt) {
  if (!rt.facets?.length) {
    return rt;
  }
  rt = rt.clone();
  for (const facet of rt.facets) {
    const isLink = !!facet.features.find((f) => f.$type === "app.bsky.richtext.facet#link");
    if (!isLink) {
      continue;
    }
    const { byteStart, byteEnd } = facet.index;
    const url = rt.unicodeText.slice(byteStart, byteEnd);
    const shortened = new UnicodeString(toShortUrl(url));
    rt.insert(byteStart, shortened.utf16);
    facet.index.byteStart = byteStart;
    facet.index.byteEnd = byteStart + shortened.length;
    rt.delete(byteStart + shortened.length, byteEnd + shortened.length);
  }
  return rt;
}

function bluesky(text) {
  const rt = new RichText({ text });
  rt.detectFacetsWithoutResolution();
  const facets = (rt.facets || []).map((f) => ({
    start: f.index.byteStart,
    end: f.index.byteEnd,
    features: f.features.map((x) => ({ type: x.$type.split("#")[1], value: x.uri ?? x.tag ?? x.did })),
  }));
  const shown = shortenLinks(rt);
  // Characters this engine's Unicode does not have yet: it counts them as clusters of their own.
  const unassigned = [...text].filter((c) => !/\p{Assigned}/u.test(c));
  return { length: shown.graphemeLength, shown: shown.text, facets, unassigned };
}

function x(text) {
  const parsed = twitter.parseTweet(text);
  return { length: parsed.weightedLength, valid: parsed.valid };
}

const lines = readline.createInterface({ input: process.stdin, terminal: false });
lines.on("line", (line) => {
  const { network, text } = JSON.parse(line);
  let answer;
  try {
    answer = network === "x" ? x(text) : bluesky(text);
  } catch (e) {
    answer = { error: String(e) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
});
