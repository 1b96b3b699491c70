from comparison.cli import main

raise SystemExit(main())
