from chronica.cli import main

main()
