### Strings of the newsroom's reader app (an example written for verso).

-app-name = Coastal Ledger

## Front page

front-page-title = Today in { -app-name }
front-page-refresh = Refresh
    .title = Load the latest stories
saved-stories =
    { $count ->
        [one] You have saved one story.
       *[other] You have saved { $count } stories.
    }

## Alerts

# $region (String) - the region the reader follows
weather-alert = A storm warning is in force for { $region }.
alert-settings = Choose which alerts you get in <a data-l10n-name="settings">your settings</a>.
