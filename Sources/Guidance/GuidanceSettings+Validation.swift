extension GuidanceSettings {
    /// Every problem with these settings, time zone first, then parameters in catalog order; empty when valid.
    public var validationErrors: [GuidanceSettingsError] {
        var errors: [GuidanceSettingsError] = []
        if GuidanceTimeZone.named(timeZone) == nil {
            errors.append(.unknownTimeZone(timeZone))
        }
        for parameter in GuidanceParameter.allCases where !parameter.allowedRange.contains(self[parameter]) {
            errors.append(.outOfRange(parameter, value: self[parameter]))
        }
        return errors
    }

    /// Throws the first problem with these settings.
    public func validate() throws(GuidanceSettingsError) {
        if let first = validationErrors.first {
            throw first
        }
    }
}
