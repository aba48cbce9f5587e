import SitegenCommands

SitegenCommand.main()
