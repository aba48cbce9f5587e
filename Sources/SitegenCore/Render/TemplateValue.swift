import Mustache

/// A map of template values whose reads are recorded: when a template looks up one of its keys, the dependency for
/// that key is noted in the render's recorder. This is how a list page comes to depend on exactly the page
/// summaries it shows, and a page on its neighbours only if its template shows them.
///
/// A lookup that finds nothing is recorded too: `{{#page.previous}}` on the newest page reads "no previous page",
/// and a page added before it later must re-render it.
struct RecordedObject: MustacheParent {
    let values: [String: Any]
    /// The dependency of a key read; keys without one fall back to `dependency`.
    let keyDependencies: [String: [Dependency]]
    let dependency: Dependency?
    /// Makes the dependency of any key looked up, present or not (a page summary's fields).
    let dependencyForKey: (@Sendable (String) -> Dependency)?
    let recorder: DependencyRecorder

    init(_ values: [String: Any], dependency: Dependency?, keyDependencies: [String: [Dependency]] = [:],
         dependencyForKey: (@Sendable (String) -> Dependency)? = nil, recorder: DependencyRecorder) {
        self.values = values
        self.dependency = dependency
        self.keyDependencies = keyDependencies
        self.dependencyForKey = dependencyForKey
        self.recorder = recorder
    }

    func child(named name: String) -> Any? {
        if let specific = keyDependencies[name] {
            for dependency in specific { recorder.record(dependency) }
        } else if let dependencyForKey {
            recorder.record(dependencyForKey(name))
        } else if let dependency {
            recorder.record(dependency)
        }
        return values[name]
    }
}

/// Builds template dictionaries that leave out empty values, because in Mustache an empty string or a missing key
/// must both make `{{#key}}` false.
struct ValueMap {
    private(set) var values: [String: Any] = [:]

    subscript(key: String) -> Any? {
        get { values[key] }
        set { values[key] = newValue }
    }

    mutating func set(_ key: String, _ string: String?) {
        if let string, !string.isEmpty { values[key] = string }
    }

    mutating func set(_ key: String, _ list: [Any]) {
        if !list.isEmpty { values[key] = list }
    }
}

/// Turns a data table (front matter `extra`, config `[extra]`, data files) into template values.
func templateValue(_ value: DataValue) -> Any {
    switch value {
    case .string(let s), .datetime(let s): return s
    case .integer(let i): return Int(i)
    case .float(let f): return f
    case .bool(let b): return b
    case .array(let items): return items.map(templateValue)
    case .table(let table): return templateValue(table)
    }
}

func templateValue(_ table: DataTable) -> [String: Any] {
    var result: [String: Any] = [:]
    for (key, value) in table.entries { result[key] = templateValue(value) }
    return result
}
