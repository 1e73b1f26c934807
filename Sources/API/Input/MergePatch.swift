import JSON

/// JSON Merge Patch (RFC 7396 §2): members of the patch replace the target's, `null` removes
/// them, objects merge recursively, anything else replaces the whole.
enum MergePatch {
    static func apply(_ patch: JSON, to target: JSON) -> JSON {
        guard case .object(let patchObject) = patch else { return patch }
        var result: JSONObject
        if case .object(let targetObject) = target { result = targetObject } else { result = JSONObject() }
        for (key, value) in patchObject {
            if value == .null {
                result[key] = nil
            } else {
                result[key] = apply(value, to: result[key] ?? .null)
            }
        }
        return .object(result)
    }

    /// A stored representation patched, without the read-only members it carried, so that the
    /// result validates like a new resource; read-only members the patch itself names stay, and
    /// are refused there.
    static func patched(_ representation: JSON, with patch: JSONObject, readOnly: Set<String>) -> JSONObject {
        var merged = apply(.object(patch), to: representation).objectValue ?? JSONObject()
        for key in readOnly where patch[key] == nil { merged[key] = nil }
        return merged
    }
}
