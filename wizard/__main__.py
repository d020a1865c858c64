from wizard.cli.main import main

raise SystemExit(main())
