/**
 * The request Office.js sends at `context.sync()`, modelled record for record so the fake Excel
 * measures what the real library would send. Calibrated against the library itself:
 * e2e/browser/office-js-requests.browser.test.ts runs the add-in's batches through
 * @microsoft/office-js in Chromium, captures each request body, and expects the fake's to be
 * identical. What it models (office.js's ClientRequest, excel-web-16.00.js):
 * - one object path per proxy, numbered from the context's counter when the proxy is made;
 *   property objects (format, fill, protection…) are made on first access and kept by their
 *   parent;
 * - a proxy made is instantiated at once (an Instantiate action, after its ancestors are
 *   instantiated in the same request); an action on a proxy of an earlier request instantiates
 *   its path again first;
 * - inside Excel.run every Range is tracked: `_KeepReference` and a second Instantiate, and one
 *   `_RemoveReference` each in a clean-up request after the batch;
 * - each action names in "L" the paths it is the last to use (early dispose);
 * - Excel answers `_ReferenceId`s for added sheets and kept ranges (the path then becomes a
 *   reference-id path), and each item of a loaded collection takes a number.
 */
export interface PathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  /** Untracked: Excel keeps no reference to it. */
  D?: boolean;
}

export const PATH = { global: 1, method: 3, property: 4, indexer: 5, referenceId: 6 } as const;
const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;

export class ObjectPath {
  /** Set by Excel's answer: kept ranges are removed by it after the batch. */
  referenceId: string | null = null;
  constructor(
    readonly info: PathInfo,
    public parent: ObjectPath | null,
    /** worksheets.add(): Excel answers a reference id for it. */
    readonly answersReference = false,
    /** Objects passed as arguments (range.getBoundingRect(other)). */
    public args: ObjectPath[] = [],
  ) {}
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments: unknown[] };
  QueryInfo?: { Select: string[] };
  L?: number[];
}

interface PendingAction {
  info: ActionInfo;
  path: ObjectPath;
  /** Excel answers this action with a reference id for its path. */
  answersReference: boolean;
}

export interface BuiltRequest {
  body: string;
  bytes: number;
  actions: number;
}

const encoder = new TextEncoder();

export class OfficeRequestModel {
  private id = 0;
  private actions: PendingAction[] = [];
  private referenced = new Map<number, ObjectPath>();
  private instantiated = new Set<number>();
  private tracked: ObjectPath[] = [];
  readonly root: ObjectPath;

  constructor(
    /** Excel's reference ids are numbered across the whole fake (one workbook). */
    private readonly nextReference: () => number,
  ) {
    this.root = new ObjectPath({ Id: this.nextId(), ObjectPathType: PATH.global, Name: '' }, null);
  }

  nextId(): number {
    return ++this.id;
  }

  /**
   * A new proxy's path (numbered now), instantiated at once. An argument that is itself a proxy
   * (an ObjectPath) is sent as its path's number and listed in ReferencedObjectPathIds.
   */
  proxy(type: number, name: string, parent: ObjectPath, args?: unknown[], answersReference = false): ObjectPath {
    const info: PathInfo = { Id: this.nextId(), ObjectPathType: type, Name: name, ParentObjectPathId: parent.info.Id };
    const objects = (args ?? []).filter((a): a is ObjectPath => a instanceof ObjectPath);
    if (args !== undefined) {
      info.ArgumentInfo = { Arguments: args.map((a) => (a instanceof ObjectPath ? a.info.Id : a)) };
      if (objects.length > 0) info.ArgumentInfo.ReferencedObjectPathIds = args.map((a) => (a instanceof ObjectPath ? a.info.Id : 0));
    }
    const path = new ObjectPath(info, parent, answersReference, objects);
    this.instantiate(path);
    return path;
  }

  /** ActionFactory.createInstantiateAction: ancestors and arguments first, then always one for the object itself. */
  instantiate(path: ObjectPath): void {
    if (path.parent) this.ensureInstantiated(path.parent);
    for (const arg of path.args) this.ensureInstantiated(arg);
    this.push({ Id: this.nextId(), ActionType: ACTION.instantiate, Name: '', ObjectPathId: path.info.Id }, path, path.answersReference);
  }

  /** range.untrack(): its _KeepReference is taken back out of the request, and Excel keeps no reference. */
  untrack(path: ObjectPath): void {
    path.info.D = true;
    for (let i = this.actions.length - 1; i >= 0; i--) {
      const a = this.actions[i]!;
      if (a.info.ObjectPathId === path.info.Id && a.info.ActionType === ACTION.method && a.info.Name === '_KeepReference') {
        this.actions.splice(i, 1);
        break;
      }
    }
    for (const a of this.actions) if (a.path === path) a.answersReference = false;
    this.tracked = this.tracked.filter((p) => p !== path);
  }

  /** A range made inside Excel.run is tracked: kept on Excel's side until the batch ends. */
  keepReference(path: ObjectPath): void {
    this.method(path, '_KeepReference', []);
    this.push({ Id: this.nextId(), ActionType: ACTION.instantiate, Name: '', ObjectPathId: path.info.Id }, path, true);
    this.tracked.push(path);
  }

  setProperty(path: ObjectPath, name: string, value: unknown): void {
    this.act(path, { ActionType: ACTION.setProperty, Name: name, ArgumentInfo: { Arguments: [value] } });
  }

  method(path: ObjectPath, name: string, args: unknown[]): void {
    this.act(path, { ActionType: ACTION.method, Name: name, ArgumentInfo: { Arguments: args } });
  }

  query(path: ObjectPath, select: string[]): void {
    this.act(path, { ActionType: ACTION.query, Name: '', QueryInfo: { Select: select } });
  }

  /** Numbers the items of a loaded collection, as Office.js does when it reads the answer. */
  itemsLoaded(count: number): void {
    for (let i = 0; i < count; i++) this.nextId();
  }

  get pending(): number {
    return this.actions.length;
  }

  /** The request body of everything queued since the last sync (ClientRequest.buildRequestMessageBody…). */
  build(): BuiltRequest | null {
    if (this.actions.length === 0) return null;
    const lastUse = new Map<number, number>();
    const mark = (path: ObjectPath | null, actionId: number): void => {
      for (let p = path; p && !lastUse.has(p.info.Id); p = p.parent) {
        lastUse.set(p.info.Id, actionId);
        for (const arg of p.args) mark(arg, actionId);
      }
    };
    for (let i = this.actions.length - 1; i >= 0; i--) mark(this.actions[i]!.path, this.actions[i]!.info.Id);
    const byAction = new Map<number, number[]>();
    for (const [pathId, actionId] of [...lastUse].sort((a, b) => a[0] - b[0])) byAction.set(actionId, [...(byAction.get(actionId) ?? []), pathId]);
    const actions = this.actions.map((a) => {
      const l = byAction.get(a.info.Id);
      return l ? { ...a.info, L: l } : a.info;
    });
    const paths: Record<string, PathInfo> = {};
    for (const id of [...this.referenced.keys()].sort((a, b) => a - b)) paths[id] = this.referenced.get(id)!.info;
    const keep = this.actions.some((a) => a.info.ActionType === ACTION.method && a.info.Name === '_KeepReference');
    const body = JSON.stringify({ AutoKeepReference: keep, Actions: actions, ObjectPaths: paths });
    return { body, bytes: encoder.encode(body).length, actions: this.actions.length };
  }

  /**
   * The request went: Excel's answer gives reference ids to added sheets (their paths become
   * reference-id paths) and to kept ranges; the next request starts afresh.
   */
  sent(): void {
    for (const action of this.actions) {
      if (!action.answersReference || action.info.ActionType !== ACTION.instantiate) continue;
      const path = action.path;
      path.referenceId = `{${String(this.nextReference()).padStart(8, '0')}-0000-0000-0000-000000000000}`;
      path.info.ObjectPathType = PATH.referenceId;
      path.info.Name = path.referenceId;
      delete path.info.ParentObjectPathId;
      path.info.ArgumentInfo = {};
      path.parent = null;
    }
    this.reset();
  }

  /** A request Excel refused: nothing of it is answered. */
  refused(): void {
    this.reset();
  }

  /** The clean-up request Excel.run sends after the batch: one _RemoveReference per kept range. */
  cleanup(): BuiltRequest | null {
    const kept = [...this.tracked].sort((a, b) => a.info.Id - b.info.Id).filter((p) => p.referenceId !== null);
    this.tracked = [];
    for (const path of kept) this.method(this.root, '_RemoveReference', [path.referenceId]);
    const built = this.build();
    this.reset();
    return built;
  }

  private act(path: ObjectPath, fields: Omit<ActionInfo, 'Id' | 'ObjectPathId'>): void {
    const id = this.nextId();
    this.ensureInstantiated(path);
    const { ActionType, Name, ...rest } = fields;
    this.push({ Id: id, ActionType, Name, ObjectPathId: path.info.Id, ...rest }, path, false);
  }

  /** ClientRequest.ensureInstantiateObjectPath: once per path and request, ancestors first. */
  private ensureInstantiated(path: ObjectPath): void {
    if (this.instantiated.has(path.info.Id)) return;
    if (path.parent) this.ensureInstantiated(path.parent);
    for (const arg of path.args) this.ensureInstantiated(arg);
    if (this.instantiated.has(path.info.Id)) return;
    this.push({ Id: this.nextId(), ActionType: ACTION.instantiate, Name: '', ObjectPathId: path.info.Id }, path, path.answersReference);
  }

  private push(info: ActionInfo, path: ObjectPath, answersReference: boolean): void {
    this.actions.push({ info, path, answersReference });
    if (info.ActionType === ACTION.instantiate) this.instantiated.add(path.info.Id);
    this.reference(path);
  }

  /** ClientRequest.addReferencedObjectPath: the path, its ancestors, and a method path's arguments. */
  private reference(path: ObjectPath): void {
    if (this.referenced.has(path.info.Id)) return;
    for (let p: ObjectPath | null = path; p; p = p.parent) {
      this.referenced.set(p.info.Id, p);
      if (p.info.ObjectPathType === PATH.method) for (const arg of p.args) this.reference(arg);
    }
  }

  private reset(): void {
    this.actions = [];
    this.referenced = new Map();
    this.instantiated = new Set();
  }
}
