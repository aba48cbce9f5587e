public enum SitegenCommandsPlaceholder {}
