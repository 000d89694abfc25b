// Moat's topology page: polls /moat/ui/api/topology, redraws when it changes, and draws the
// selected cluster's bootstrap path from the doctor's report (/moat/ui/api/doctor).
"use strict";

const STEPS = [
  { key: "cluster", label: "Cluster", icon: "⎈", ids: ["isolation", "control-plane", "apiserver-subnet"] },
  { key: "node", label: "Node", icon: "▣", ids: ["node-subnet"] },
  { key: "dns", label: "DNS view", icon: "⌕", ids: ["registry-dns", "mcr-dns"] },
  { key: "network", label: "Network path", icon: "⇢", ids: ["private-endpoint", "registry-path", "mcr-path"] },
  { key: "identity", label: "Identity", icon: "◉", ids: ["kubelet-identity", "acr-pull"] },
  { key: "registry", label: "Registry", icon: "▤", ids: ["registry", "cache-rule"] },
  { key: "data", label: "Data endpoint", icon: "⬇", ids: ["data-dns", "data-path"] },
];
const RANK = { FAIL: 4, WARN: 3, PLANNED: 2, PASS: 1 };
const MARK = { PASS: "✔", FAIL: "✘", WARN: "!", PLANNED: "◌" };

let model = null;
let lastText = "";
let selection = null; // {kind: "cluster"|"node", cluster, node}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k === "onclick") e.addEventListener("click", v);
    else if (v !== null && v !== undefined) e.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}
const last = (id) => (id || "").split("/").pop();

function item(kind, name, metas, attrs) {
  return el("div", Object.assign({ class: "item" }, attrs || {}),
    el("span", { class: "kind" }, kind), el("span", { class: "name" }, name),
    ...(metas || []).filter(Boolean).map((m) => el("div", { class: "meta" }, m)));
}

function renderInventory() {
  const root = document.getElementById("inventory");
  root.replaceChildren();
  if (!model) return;
  const groups = model.groups.length ? model.groups : [""];
  for (const g of groups) {
    const inGroup = (x) => (x.group || "").toLowerCase() === g.toLowerCase();
    const box = el("div", { class: "group", "data-group": g }, el("h2", {}, "resource group " + g));
    for (const v of model.vnets.filter(inGroup)) {
      const subnets = v.subnets.map((s) => {
        const addrs = model.addresses.filter((a) => a.subnet.toLowerCase() === s.id.toLowerCase())
          .map((a) => a.ip + (a.target ? " → " + last(a.target) + (a.member ? " (" + a.member + ")" : "") : "")
            + " [NIC " + last(a.nic) + "]");
        return s.name + " " + s.prefixes.join(", ") + (s.defaultOutboundAccess ? "" : " · no default outbound")
          + (addrs.length ? " · " + addrs.join(", ") : "");
      });
      box.append(item("vnet", v.name, [v.prefixes.join(", "), ...subnets]));
    }
    for (const z of model.zones.filter(inGroup)) {
      box.append(item("dns zone", z.name, [
        "links: " + (z.links.length ? z.links.map(last).join(", ") : "none"),
        z.records.length ? "A: " + z.records.map((r) => r.name + " → " + r.ips.join(", ")).join(" · ") : "no A records",
      ]));
    }
    for (const r of model.registries.filter(inGroup)) {
      const e = item("registry", r.name, [
        r.loginServer + " · " + r.sku + " · public access " + (r.publicNetworkAccess ? "enabled" : "disabled"),
        r.cacheRules.length ? "cache rules: " + r.cacheRules.join(" · ") : "no cache rules",
      ]);
      e.querySelector(".name").append(el("span", { class: "badge " + (r.publicNetworkAccess ? "warn" : "pass") },
        r.publicNetworkAccess ? "public" : "private"));
      box.append(e);
    }
    for (const i of model.identities.filter(inGroup)) {
      box.append(item("identity", i.name, [i.assignments.length ? i.assignments.join(" · ") : "no role assignments"]));
    }
    for (const c of model.clusters.filter(inGroup)) {
      const selected = selection && selection.cluster === c.id && selection.kind === "cluster";
      const e = item("cluster", c.name, [
        c.artifactSource + (c.registry ? " from " + last(c.registry) : "") + " · outbound " + c.outboundType
          + (c.privateCluster ? " · private" : "") + " · " + c.state,
      ], { class: "item clickable" + (selected ? " selected" : ""), "data-cluster": c.name,
        onclick: () => select({ kind: "cluster", cluster: c.id }) });
      for (const n of c.nodes) {
        const cls = n.state === "Ready" ? "pass" : n.state === "Failed" ? "fail" : "info";
        const nodeSel = selection && selection.kind === "node" && selection.node === n.name;
        e.append(el("div", { class: "node clickable" + (nodeSel ? " selected" : ""), "data-node": n.name,
          title: n.detail || n.state,
          onclick: (ev) => { ev.stopPropagation(); select({ kind: "node", cluster: c.id, node: n.name }); } },
          n.name + " · " + n.address, el("span", { class: "badge " + cls }, n.state)));
      }
      box.append(e);
    }
    if (box.children.length > 1) root.append(box);
  }
}

async function select(s) {
  selection = s;
  renderInventory();
  await renderDetail();
}

async function renderDetail() {
  const root = document.getElementById("detail");
  if (!selection) return;
  const cluster = model && model.clusters.find((c) => c.id === selection.cluster);
  if (!cluster) { selection = null; root.replaceChildren(el("div", { class: "placeholder" }, "The cluster is gone.")); return; }
  const report = await (await fetch("/moat/ui/api/doctor?cluster=" + encodeURIComponent(cluster.id))).json();
  const box = el("div", { class: "detail", id: "report", "data-cluster": cluster.name,
    "data-would-bootstrap": String(report.wouldBootstrap) });
  box.append(el("h1", {}, "Bootstrap path of " + cluster.name));
  const failed = report.links.filter((l) => l.status === "FAIL");
  box.append(el("div", { class: "verdict " + (report.wouldBootstrap ? "ok" : "bad"), id: "verdict" },
    report.wouldBootstrap ? "✔ A new node would bootstrap"
      : "✘ A new node would not bootstrap: " + failed.map((l) => l.title).join("; ")));
  const path = el("div", { class: "path", id: "path" });
  STEPS.forEach((step, i) => {
    const links = report.links.filter((l) => step.ids.includes(l.id) || (step.key === "node" && l.id.startsWith("node:")));
    const worst = links.reduce((w, l) => (RANK[l.status] > RANK[w] ? l.status : w), links.length ? "PASS" : "");
    if (i > 0) path.append(el("div", { class: "arrow" }, "→"));
    path.append(el("div", { class: "hop " + worst, "data-hop": step.key, "data-status": worst || "NONE" },
      el("div", { class: "icon" }, step.icon), el("div", { class: "label" }, step.label),
      el("div", { class: "count" }, links.length ? links.map((l) => MARK[l.status]).join(" ") : "—")));
  });
  box.append(path);
  if (selection.kind === "node") {
    box.append(await dnsView(cluster, selection.node, report));
  }
  const list = el("div", { class: "links" });
  for (const l of report.links) {
    const e = el("div", { class: "link " + l.status, "data-link": l.id, "data-status": l.status },
      el("div", {}, el("span", { class: "mark" }, MARK[l.status]), el("span", { class: "title" }, l.title),
        el("span", { class: "rule" }, l.rule)),
      el("div", { class: "evidence" }, l.evidence));
    if (l.fixes.length) e.append(el("pre", {}, l.fixes.join("\n")));
    list.append(e);
  }
  box.append(list);
  root.replaceChildren(box);
}

/** What the node's VNet DNS view answers for the names on its path. */
async function dnsView(cluster, nodeName, report) {
  const node = cluster.nodes.find((n) => n.name === nodeName);
  const subnetLink = report.links.find((l) => l.id === "node-subnet");
  const subnet = model.vnets.flatMap((v) => v.subnets).find((s) => node && s.prefixes.some((p) => inPrefix(node.address, p)));
  const registry = model.registries.find((r) => cluster.registry && r.id.toLowerCase() === cluster.registry.toLowerCase())
    || model.registries.find((r) => r.name.includes("bootstrap") && r.group.toLowerCase().startsWith("mc_"));
  const names = [];
  if (registry) names.push(registry.loginServer, ...registry.dataEndpoints);
  names.push("mcr.microsoft.com");
  const box = el("div", { id: "dns", "data-node": nodeName });
  box.append(el("h1", { style: "font-size:15px;margin-top:6px" }, "DNS view of " + nodeName + (subnet ? " (" + last(subnet.id) + ")" : "")));
  if (!subnet) { box.append(el("div", { class: "empty" }, subnetLink ? subnetLink.evidence : "subnet unknown")); return box; }
  const answers = await (await fetch("/moat/ui/api/dns?subnet=" + encodeURIComponent(subnet.id) + "&names=" + encodeURIComponent(names.join(",")))).json();
  const table = el("table", { class: "dns" }, el("tr", {}, el("th", {}, "name"), el("th", {}, "answer"), el("th", {}, "from")));
  for (const a of answers.value) {
    table.append(el("tr", { "data-name": a.name },
      el("td", {}, el("code", {}, a.name)),
      el("td", {}, a.addresses.length ? [...a.cnames, a.addresses.join(", ")].join(" → ") : a.status),
      el("td", {}, a.source)));
  }
  box.append(table);
  return box;
}

function inPrefix(ip, prefix) {
  const [base, bits] = prefix.split("/");
  const toInt = (s) => s.split(".").reduce((n, o) => (n << 8) + Number(o), 0) >>> 0;
  const mask = bits === "0" ? 0 : (~0 << (32 - Number(bits))) >>> 0;
  return ip && (toInt(ip) & mask) === (toInt(base) & mask);
}

async function poll() {
  const live = document.getElementById("live");
  try {
    const text = await (await fetch("/moat/ui/api/topology", { cache: "no-store" })).text();
    live.className = "live";
    if (text !== lastText) {
      lastText = text;
      model = JSON.parse(text);
      renderInventory();
      await renderDetail();
      document.body.setAttribute("data-version", String(Date.now()));
    }
  } catch (e) {
    live.className = "live stale";
  }
}

poll();
setInterval(poll, 1500);
