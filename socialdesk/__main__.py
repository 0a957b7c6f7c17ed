from socialdesk.main import main

raise SystemExit(main())
